import { Type, type Static } from 'typebox';

/** One demo account, shown on the sign-in page of a demo installation. */
export const DemoAccount = Type.Object({
  email: Type.String(),
  name: Type.String(),
  role: Type.Union([
    Type.Literal('admin'),
    Type.Literal('region'),
    Type.Literal('nucleus'),
    Type.Literal('centre-manager'),
    Type.Literal('centre-staff'),
    Type.Literal('company'),
  ]),
  organization: Type.Union([Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String() }), Type.Null()]),
});
export type DemoAccount = Static<typeof DemoAccount>;

/** The demo mode of an installation loaded with the demo network: its people and their one published password. */
export const DemoInfo = Type.Object({
  demo: Type.Literal(true),
  password: Type.String(),
  accounts: Type.Array(DemoAccount),
});
export type DemoInfo = Static<typeof DemoInfo>;
