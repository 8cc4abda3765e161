import * as client from 'openid-client';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../core/errors.ts';
import * as repo from './identity.repo.ts';
import { openSession } from './identity.service.ts';

export interface OidcFlow {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

/**
 * Single sign-on through an OpenID Connect provider (authorization code with PKCE). Any standard provider works,
 * including a regional gateway bridging SPID/CIE; the provider is discovered from its issuer URL on first use.
 */
export class OidcSignIn {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(
    private readonly settings: NonNullable<Config['oidc']>,
    private readonly redirectUri: string,
  ) {}

  get name(): string {
    return this.settings.name;
  }

  private config(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(
        new URL(this.settings.issuer),
        this.settings.clientId,
        this.settings.clientSecret,
        undefined,
        this.settings.issuer.startsWith('http://') ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((e) => {
        this.configuration = null;
        throw new AppError('UNAVAILABLE', `The sign-in provider cannot be reached: ${(e as Error).message}`);
      });
    return this.configuration;
  }

  /** Where to send the browser, and what to remember (in a short-lived cookie) for the callback. */
  async start(returnTo: string): Promise<{ url: string; flow: OidcFlow }> {
    const config = await this.config();
    const verifier = client.randomPKCECodeVerifier();
    const flow: OidcFlow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier,
      returnTo: safeReturn(returnTo),
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, flow };
  }

  /**
   * Completes the flow: finds the account linked to the provider's subject, else the account with the same verified
   * e-mail (and links it), else creates one without memberships. Returns a new session.
   */
  async finish(db: Db, callbackUrl: URL, flow: OidcFlow, userAgent: string | null) {
    const config = await this.config();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
      });
    } catch (e) {
      throw new AppError('UNAUTHENTICATED', `Single sign-on failed: ${(e as Error).message}`);
    }
    const idClaims = tokens.claims();
    if (!idClaims?.sub) throw new AppError('UNAUTHENTICATED', 'The provider did not identify the person');
    // Most providers put e-mail and name in the UserInfo answer rather than in the ID token.
    const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub).catch(() => ({}));
    const claims = { ...idClaims, ...info, sub: idClaims.sub } as Record<string, unknown> & { sub: string };
    const issuer = config.serverMetadata().issuer;
    const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : null;
    const verified = claims.email_verified === true;
    const name = [claims.name, [claims.given_name, claims.family_name].filter(Boolean).join(' ')].find(
      (n) => typeof n === 'string' && n.trim(),
    ) as string | undefined;
    return db.transaction(async (tx) => {
      let user = await repo.findUserByOidc(tx, issuer, claims.sub);
      if (!user && email && verified) user = await repo.findUserByEmail(tx, email);
      if (!user) {
        if (email && (await repo.findUserByEmail(tx, email))) {
          throw new AppError(
            'CONFLICT',
            'An account with this e-mail exists; sign in with its password once to link single sign-on',
          );
        }
        user = await repo.insertUser(tx, {
          email: email ?? `${claims.sub}@${new URL(issuer).hostname}`.toLowerCase(),
          name: name ?? email ?? claims.sub,
          passwordHash: null,
          platformRole: null,
          verified,
        });
      }
      await repo.linkOidc(tx, issuer, claims.sub, user.id);
      if (verified) await repo.markEmailVerified(tx, user.id);
      const session = await openSession(tx, user.id, userAgent);
      return { session, returnTo: flow.returnTo };
    });
  }
}

/** Only paths of this site: never an absolute URL an attacker could choose. */
function safeReturn(p: string): string {
  return /^\/(?!\/)[^\s\\]*$/.test(p) ? p : '/';
}
