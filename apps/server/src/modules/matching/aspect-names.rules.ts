import { tokenize, type Lang, type Token } from '../search/text.rules.ts';

/**
 * Names for the aspects of a problem that no glossary concept names (clause aspects): a short, complete noun phrase
 * taken from the clause as written — "prove di fatica sui giunti saldati", "new asphalt mixes" — or no name at all.
 * Words are told apart by their parts of speech in WordNet (through `WordClasses`), by a few closed lists (articles,
 * links, quantifiers) and by Italian verb endings; a phrase must hold a noun that says something (not "cose", "months",
 * "problem") and that the concept aspects do not already name.
 */

/** Parts of speech of words, from the shared WordNet (`Translator`). */
export interface WordClasses {
  /** How many senses a word form (folded, exact) has as noun, verb, adjective and adverb in a language, or null. */
  senses(folded: string, lang: Lang): readonly [number, number, number, number] | null;
  /** The lemmas a word could be a regular inflection of (bulloni → bullone, cracked → crack), most likely first. */
  lemmas(folded: string, lang: Lang): string[];
  /** The singulars a word could be the regular plural of (bulloni → bullone, cricche → cricca). */
  singulars(folded: string, lang: Lang): string[];
  /** Whether a word is part of a place name (Capannori, Cecina). */
  isPlace(folded: string): boolean;
}

/** Words that join the words of a noun phrase ("prove di fatica", "testing of welded joints"). */
export const LINKS = new Set(
  'di del della dello dei degli delle dell da dal dalla dai dagli dalle in nel nella nei nelle per con coi col su sul sulla sui sulle a al alla ai agli alle allo of for in on with from'.split(
    ' ',
  ),
);
/** Articles: inside a phrase only right after a link ("di un", "of the"). */
const ARTICLES = new Set('il lo la i gli le l un uno una the a an'.split(' '));
/**
 * Words that end a phrase: verbs of asking and wanting, quantifiers and determiners (qualche, every, our), numbers in
 * words, single letters (the "s" of "it's"), and a few adverbs WordNet tags as nouns or adjectives.
 */
const BREAKS = new Set(
  (
    'need needs needed want wants would like looking look find help know make keep get try trying seem seems serve ' +
    'servono vorrei grazie thanks please one two three four five six seven eight nine ten next last less more much many ' +
    'due tre quattro cinque sei sette otto nove dieci meno qualche alcuni alcune alcuno alcuna ogni tutta tutte tutti ' +
    'tutto ciascun ciascuno ciascuna parecchio parecchi parecchie poca poco pochi poche tanto tanta tanti tante altro ' +
    'altra altri altre stesso stessa stessi stesse certo certa certi certe nessun nessuno nessuna some any every each ' +
    'all few several other others such own this that these those our ours my your their its his her we us they them ' +
    'prima dopo poi ancora anche sempre mai bene male meglio peggio gia oggi ieri domani ora adesso invece almeno ' +
    'soprattutto ideally already still also even just only very too really before after now today yesterday ' +
    'instead maybe perhaps soon often always never quite rather whether which who whose what where when why how ' +
    'quasi gratis circa sotto sopra dentro fuori insieme indietro oltre troppo troppa troppi troppe quanto quanta ' +
    'quanti quante primo prima primi prime secondo seconda terzo terza first second third back longer shorter ' +
    'ce better worse straight onto senza rispetto ourselves myself themselves yourself yourselves itself helps helped don doesn didn isn aren wasn weren won couldn shouldn wouldn haven hasn re ve ll'
  ).split(' '),
);
/**
 * Nouns that say nothing about a need on their own: things and problems, time, quantities and parts, people in
 * general. A phrase made only of these (and place names) is no name for an aspect ("qualche mese", "problem comes").
 */
const GENERIC_NOUNS = new Set(
  (
    'cosa cose coso roba qualcosa niente nulla problema problemi questione questioni grana grane guaio guai difficolta ' +
    'situazione caso casi fatto fatti esempio modo modi maniera volta volte tempo tempi momento periodo anno anni mese ' +
    'mesi settimana settimane giorno giorni giornata ora ore minuto minuti estate inverno primavera autunno stagione ' +
    'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre oggi domani ' +
    'parte parti pezzo resto sacco serie numero numeri tipo tipi genere sorta paio coppia decina decine centinaio ' +
    'centinaia migliaio migliaia milione milioni quantita livello persona persone gente qualcuno nessuno chiunque ' +
    'esperienza idea idee aiuto domanda domande risposta risposte motivo motivi ragione colpa bisogno necessita ' +
    'obiettivo obiettivi inizio fine punto punti lato cliente clienti azienda aziende ditta impresa societa ' +
    'thing things stuff something anything nothing everything problem problems issue issues trouble troubles matter ' +
    'situation case cases fact facts example way ways time times moment period year years month months week weeks ' +
    'day days hour hours minute minutes summer winter spring autumn fall season january february march april may ' +
    'june july august september october november december part parts piece rest lot lots number numbers kind kinds ' +
    'type types sort sorts pair couple dozen dozens hundred hundreds thousand thousands million millions amount level ' +
    'person people someone somebody anyone nobody everyone experience idea ideas help question questions answer ' +
    'answers reason reasons fault need needs goal goals start end point points side customer customers client ' +
    'clients company companies firm business headache headaches cost costs costo costi prezzo prezzi lab labs ' +
    'process processo processi production produzione project projects progetto progetti work works lavoro lavori ' +
    'test tests prova prove trial trials expert experts esperto esperti proof original village paese force share ' +
    'ragazzi guys dipendenti employees staff gradi degrees area aree zona zone region regione kilo kilos chilo chili ' +
    'tonne tonnes ton tons tonnellata tonnellate litre litres liter liters litro litri metre metres meter meters ' +
    'metro metri percent cento pezzi prodotto prodotti product products term mano tuscany italy europe toscana ' +
    'italia europa management direzione gestione'
  ).split(' '),
);
/** Nouns of quantity, measure, part and time that open a phrase naming something else ("migliaia di tonnellate di", "months in"). */
const QUANTITIES = new Set(
  (
    'migliaia migliaio centinaia centinaio decine decina dozzina paio coppia parte parti sacco serie numero ' +
    'quantita tipo tipi genere sorta couple pair dozen dozens hundreds thousands millions part parts lot lots ' +
    'kind kinds type types sort sorts series number amount bit hundred thousand tonnellate tonnellata tonne tonnes ' +
    'ton tons kilo kilos kg chili litri litres liters metri metres meters ettari hectares mese mesi anno anni ' +
    'settimane giorni ore inverno estate month months year years weeks days hours winter summer'
  ).split(' '),
);
const MAX_PHRASE_WORDS = 5;
/** How far before a clause its sentence's earlier words are read for context (characters). */
const LOOK_BEHIND = 60;

/**
 * A word's role in a noun phrase: noun, adjective, participle or gerund (a modifier), link, article, a break, or a word
 * that is a verb unless an article or a link comes before it (Italian "sonda": sondare's third person, or a probe).
 */
type Tag = 'N' | 'A' | 'P' | 'L' | 'D' | 'X' | 'V';

/**
 * Italian verb forms by their endings: finite (cerchiamo, rompono, vorremmo, faceva), infinitive and gerund (capire,
 * usando), with a pronoun attached (ripulirlo, mandarli, produrne). WordNet lists verbs by their infinitive only, and
 * few of them: an ending says more than a sense count.
 */
const IT_VERB =
  /(iamo|iate|emmo|ebbe|ebbero|ono|ano|are|ere|ire|ando|endo|ava|eva|iva|avano|evano|ivano|ai|ei|rono|r(emo|ete|anno)|(ar|er|ir|and|end)(lo|la|li|le|ne|ci|si|mi|ti|vi|gli|glielo|gliela))$/;
/** Italian past participles, which follow a noun as adjectives do (giunti saldati, barche consegnate). */
const IT_PARTICIPLE = /(at|ut|it)[oaie]$/;
/** Italian determiners and ordinals: a noun follows them ("ogni verifica", "la prima sonda"). */
const IT_DETERMINERS = new Set(
  (
    'qualche alcuni alcune alcuna alcuno ogni ciascun ciascuna tutta tutte tutti tutto prima primo primi prime ' +
    'secondo seconda nuova nuovo altro altra altri altre stesso stessa questa questo quella quello nostra nostro ' +
    'vostra vostro sua suo'
  ).split(' '),
);
/** Forms of avere and essere before a participle. */
const IT_AUXILIARIES = new Set(
  'ho hai ha abbiamo avete hanno avuto e sono siamo siete stato stata stati state sia siano essere avere'.split(' '),
);
/** Italian participle endings, regular and irregular (parlato, scritto, messo). */
const IT_PARTICIPLE_FORM = /(at|ut|it|tt|ss|st|rs)[oaie]$/;
/** Irregular Italian participles (perso, rimasto, messo). */
const IT_IRREGULAR_PARTICIPLE =
  /^(pers|rimast|mess|pres|vist|scritt|chiest|rispost|success|venut|fatt|dett|rott|mort|nat|stat|spent|vint|most|accadut)[oaie]$/;
/** Endings of Italian adjectives WordNet may not list (rumorose, sostenibile, pubbliche, protettivo). */
const IT_ADJECTIVE = /(bil[ei]|evol[ei]|os[oaie]|ic[oa]|ich[ei]|ic[i]|iv[oaie]|ar[ie]|al[ei])$/;
/** Frequent Italian verb forms no ending tells (dice, vuole, faccia, sappia), and English ones (tell, went, built). */
const VERB_FORMS = new Set(
  (
    'e ha ho hanno fa fanno dice dicono vuole vogliono deve devono puo possono sa sanno sta stanno va vanno viene ' +
    'vengono serve chiede chiedono conviene resta restano sembra sembrano manca mancano faccia facciano sappia vada ' +
    'abbia sia siano venga possa debba dica riesce riescono esce escono parla parlano pensa pensano cerca cercano ' +
    'tell tells told say says said ask asks asked send sends sent pay pays paid come comes came go goes went gone ' +
    'give gives gave given take takes took taken make makes made get gets got gotten let lets put puts seem seems ' +
    'bring brings brought think thinks thought know knows knew known keep keeps kept become becomes became begin ' +
    'begins began begun build builds built buy buys bought hold holds held find finds found leave leaves show shows ' +
    'showed shown see sees saw seen write writes wrote written do does did done is are was were be been being has ' +
    'have had can could will shall should may might must fare sapere andare parlare vedere avere essere dire dare ' +
    'stare potere dovere volere capire tenga tenere manda mandano produca produce producono'
  ).split(' '),
);
/** English words after which the next word is a verb: subject pronouns, modals, the infinitive's "to". */
const EN_BEFORE_VERB = new Set(
  (
    'to we i you they he she it who can could would should will shall must might may do does did don t re m ve ' +
    'am is are was were be been has have had'
  ).split(' '),
);
/** English words that follow a verb, not a noun: articles, determiners, pronouns, numbers, conjunctions of a clause. */
const EN_AFTER_VERB = new Set(
  (
    'the a an our their your my his her its these those us them it me him one two three four five six seven eight ' +
    'nine ten anything something nothing everything'
  ).split(' '),
);
/** Words after an article that open a time or quantity phrase, not an object ("a few weeks", "a little later"). */
const ADVERBIAL_OPENERS = new Set('few little bit while'.split(' '));
/** English articles and possessives: the word after one is a noun or its modifier. */
const EN_DETERMINERS = new Set('the a an our their your my his her its'.split(' '));
/** Words that open a clause after an "-ing" verb ("showing that", "finding out whether"). */
const EN_CLAUSE_OPENERS = new Set('that whether if how what which why when where'.split(' '));

/**
 * The part of speech a content word most likely has, on its own: unknown words are names and jargon (nouns), verb
 * forms are told by their endings and a few closed lists, the rest by WordNet (the most senses; a noun when tied).
 */
export function tagWord(folded: string, lang: Lang, classes: WordClasses, capitals: boolean): Tag {
  if (BREAKS.has(folded) || VERB_FORMS.has(folded) || folded.length < 2 || /^\d/.test(folded)) return 'X';
  if (capitals) return 'N';
  const exact = classes.senses(folded, lang);
  if (lang === 'it') {
    // (One WordNet lists mostly as a noun stays one here, "fatto"; after avere or essere it is a participle, below.)
    if (IT_IRREGULAR_PARTICIPLE.test(folded) && !(exact && exact[0] > exact[2])) return 'P';
    // A form WordNet lists as a noun or adjective is one (cantiere, cava, saldato); other forms by their ending.
    if (exact && exact[0] + exact[2] > 0) return exact[2] > exact[0] ? 'A' : 'N';
    // A noun's plural (bulloni → bullone); else a third person (parla, soffia) of a verb WordNet knows.
    // (A plural in -i is of a noun in -a only for -ma, -ista, -eta: problemi, artisti, poeti; misuri is a verb.)
    const noun = classes
      .singulars(folded, 'it')
      .filter((l) => !(folded.endsWith('i') && l.endsWith('a')) || /(m|ist|et)a$/.test(l))
      .find((l) => classes.senses(l, 'it'));
    // A participle (consegnate, saldati), unless it is a noun's plural (risultati).
    if (IT_PARTICIPLE.test(folded) && !noun) return 'P';
    if (IT_VERB.test(folded) || folded.endsWith('mente') || folded.endsWith('urre')) return 'X';
    if (!noun && verbOf(folded, classes)) return 'V';
    const senses = (noun && classes.senses(noun, 'it')) ?? exact ?? classes.senses(folded, 'en');
    if (!senses) return IT_ADJECTIVE.test(folded) ? 'A' : 'N';
    return senses[2] > senses[0] ? 'A' : 'N';
  }
  const senses =
    exact ??
    classes
      .lemmas(folded, 'en')
      .map((l) => classes.senses(l, 'en'))
      .find((x) => x) ??
    null;
  if (!exact && /(ed|ing)$/.test(folded) && folded.length > 4) return 'P';
  if (!exact && folded.endsWith('ly') && folded.length > 4) return 'X';
  if (!senses) return 'N';
  const [n, v, a, r] = senses;
  // (A plural of a word that is also a noun is read as a noun: "fine cracks".)
  if (v > n && v >= a && v >= r && !(n > 0 && /[^s]s$/.test(folded))) return /(ed|en|ing)$/.test(folded) ? 'P' : 'X';
  if (r > n && r > a) return 'X';
  return a > n ? 'A' : 'N';
}

/** Whether an Italian form could be a form of a verb WordNet knows (its infinitive, from the form's ending). */
function verbOf(folded: string, classes: WordClasses): boolean {
  return classes.lemmas(folded, 'it').some((l) => /(are|ere|ire)$/.test(l) && classes.senses(l, 'it') !== null);
}

/**
 * Tags in context (English): a word after "to", a subject pronoun or a modal is a verb ("to stop", "we run"); so is
 * a word followed at once by an article, a determiner or a number ("set three goals", "showing that"); a gerund is a
 * modifier only right before a noun ("heat sealing trials", not "launching grated cheese").
 */
function inContext(tags: Tag[], tokens: Token[], starts: boolean[], lang: Lang): Tag[] {
  if (lang === 'it')
    return tags.map((tag, i) => {
      const before = tokens[i - 1]?.folded;
      // After a form of avere or essere a participle is one even where WordNet lists a noun ("ho parlato", "è scritto").
      if (tag === 'N' && before && IT_AUXILIARIES.has(before) && IT_PARTICIPLE_FORM.test(tokens[i]!.folded)) return 'P';
      // After an article, a link, a quantifier or an adjective a word is a noun ("sulla prima sonda", "la verifica").
      if (tag === 'V')
        return tags[i - 1] === 'D' ||
          tags[i - 1] === 'L' ||
          tags[i - 1] === 'A' ||
          (before && IT_DETERMINERS.has(before))
          ? 'N'
          : 'X';
      return tag;
    });
  // An article opening a time or quantity phrase ("cracks a few weeks later") is no verb's object.
  const adverbial = (k: number) =>
    ARTICLES.has(tokens[k]?.folded ?? '') &&
    (QUANTITIES.has(tokens[k + 1]?.folded ?? '') || ADVERBIAL_OPENERS.has(tokens[k + 1]?.folded ?? ''));
  return tags
    .map((tag, i) => {
      const before = tokens[i - 1]?.folded;
      const folded = tokens[i]!.folded;
      // After an article or a possessive a word is no verb ("the wet sludge").
      if (tag === 'X' && before && EN_DETERMINERS.has(before) && !BREAKS.has(folded) && !VERB_FORMS.has(folded))
        return /^\d/.test(folded) ? tag : tags[i + 1] === 'N' ? 'A' : 'N';
      // A plural after a modifier ends a noun phrase ("a network of fine cracks"), unless an object follows it.
      if (
        tag === 'X' &&
        (tags[i - 1] === 'A' || tags[i - 1] === 'N') &&
        !(before && EN_BEFORE_VERB.has(before)) &&
        /[^s]s$/.test(folded) &&
        !BREAKS.has(folded) &&
        !VERB_FORMS.has(folded) &&
        !(tokens[i + 1] && EN_AFTER_VERB.has(tokens[i + 1]!.folded)) &&
        tags[i + 1] !== 'N'
      )
        return 'N';
      if (tag !== 'N' && tag !== 'P' && tag !== 'A') return tag;
      const after = tokens[i + 1]?.folded;
      if (before && EN_BEFORE_VERB.has(before)) return 'X';
      // A sentence opening on a verb: "stop drawing water", "find a partner".
      if (starts[i] && (tags[i + 1] === 'P' || (after && EN_AFTER_VERB.has(after)))) return 'X';
      if (after && EN_AFTER_VERB.has(after) && tag !== 'A' && !adverbial(i + 1)) return 'X';
      const ing = tokens[i]!.folded.endsWith('ing');
      if (ing && ((after && EN_CLAUSE_OPENERS.has(after)) || (starts[i - 1] && tags[i - 1] === 'X'))) return 'X';
      if (starts[i] && tokens[i + 1]?.folded.endsWith('ing')) return 'X';
      if (tag === 'P' && ing && tags[i + 1] !== 'N') return 'X';
      return tag;
    })
    .map((tag, i, tagged) =>
      // An "-ing" word right after a verb is part of the verb ("keep sending divers", "stop drawing water").
      tag !== 'X' && tokens[i]!.folded.endsWith('ing') && i > 0 && tagged[i - 1] === 'X' && tags[i - 1] !== 'X'
        ? 'X'
        : tag,
    )
    .map((tag, i, tagged) =>
      // A plural noun heads its phrase (noun modifiers are singular): a lone word after it, before anything but a
      // noun, is its verb ("neighbours complain", "fuzz balls form", "people walk on it").
      (tag === 'N' || tag === 'A') &&
      i > 0 &&
      tagged[i - 1] === 'N' &&
      EN_PLURAL.test(tokens[i - 1]!.folded) &&
      !'NAP'.includes(tagged[i + 1] ?? 'X')
        ? 'X'
        : tag,
    );
}

/** English plural nouns: -s (not -ss, -us, -is) and the irregular ones. */
const EN_PLURAL = /^(?:.{2,}[^sui]s|people|children|men|women)$/;

/** A noun phrase of a text: its span, its nouns, and how many content words it has. */
export interface NounPhrase {
  start: number;
  end: number;
  nouns: Token[];
  words: number;
}

/** Italian: modifiers may come before the first noun and after every noun. English: the last word is a noun. */
const GROUP = { it: /A*N[NAP]*/y, en: /[APN]*N/y } as const;

/**
 * The noun phrases of `text[start, end)` (grammar over the words' tags: noun groups joined by a link, an optional
 * article between), longest first from each position; at most five content words (a longer one keeps its first
 * groups in Italian, its last words in English).
 */
export function nounPhrases(
  text: string,
  start: number,
  end: number,
  lang: Lang,
  classes: WordClasses,
  content: ReadonlySet<string>,
): NounPhrase[] {
  // The words just before the span, back to the sentence's start, tell its first words' parts ("we run", "to stop").
  const back = Math.max(0, start - LOOK_BEHIND);
  const from = back + Math.max(0, text.slice(back, start).search(/[^.!?;:\n]*$/));
  const span = text.slice(from, end);
  const tokens = tokenize(span);
  const gap = (i: number) =>
    i > 0 ? span.slice(tokens[i - 1]!.end, tokens[i]!.start) : from > 0 ? text[from - 1]! : '.';
  // A phrase never runs across punctuation (a comma, a bracket), only across spaces and apostrophes.
  const breaksBefore = tokens.map((_, i) => i > 0 && !/^[\s'’]*$/.test(gap(i)));
  const starts = tokens.map((_, i) => /[.!?;:\n]/.test(gap(i)));
  const tags = inContext(
    tokens.map((t) => tagOf(t, span, lang, classes, content)),
    tokens,
    starts,
    lang,
  );
  // Words before the span only gave context.
  for (let k = 0; k < tokens.length && from + tokens[k]!.start < start; k++) tags[k] = 'X';
  const out: NounPhrase[] = [];
  let i = 0;
  while (i < tokens.length) {
    const groups = groupsFrom(tags, breaksBefore, i, lang);
    if (!groups.length) {
      i++;
      continue;
    }
    // A phrase opening on a quantity or a generic noun ("migliaia di tonnellate di bucce", "part of the work") is
    // named from what follows it.
    const next = groups[groups.length - 1]![1] + 1;
    const quantity = (g: [number, number]) =>
      tokens.slice(g[0], g[1] + 1).every((t, k) => tags[g[0] + k] !== 'N' || QUANTITIES.has(t.folded));
    while (groups.length > 1 && quantity(groups[0]!)) groups.shift();
    // ... and one closing on them ("manager for a couple of years") ends before them.
    while (groups.length > 1 && quantity(groups[groups.length - 1]!)) groups.pop();
    let first = groups[0]![0];
    let last = groups[groups.length - 1]![1];
    const contentIn = (a: number, b: number) =>
      tags.slice(a, b + 1).filter((t) => t === 'N' || t === 'A' || t === 'P').length;
    // Too long: Italian keeps its first groups (the head comes first), English its last words (the head comes last).
    let g = groups.length;
    while (contentIn(first, last) > MAX_PHRASE_WORDS && g > 1) last = groups[--g - 1]![1];
    while (contentIn(first, last) > MAX_PHRASE_WORDS) {
      if (lang === 'it') last--;
      else first++;
    }
    while (last > first && (tags[last] === 'L' || tags[last] === 'D' || (lang === 'en' && tags[last] !== 'N'))) last--;
    const nouns = tokens.slice(first, last + 1).filter((_, k) => tags[first + k] === 'N');
    if (nouns.length)
      out.push({
        start: from + tokens[first]!.start,
        end: from + tokens[last]!.end,
        nouns,
        words: contentIn(first, last),
      });
    i = next;
  }
  return out;
}

function tagOf(t: Token, span: string, lang: Lang, classes: WordClasses, content: ReadonlySet<string>): Tag {
  if (LINKS.has(t.folded) && !(lang === 'en' && ARTICLES.has(t.folded))) return 'L';
  if (!content.has(t.surface)) return ARTICLES.has(t.folded) ? 'D' : 'X';
  const written = span.slice(t.start, t.end);
  const capitals = written.length >= 2 && written === written.toUpperCase() && /\p{L}/u.test(written);
  return tagWord(t.folded, lang, classes, capitals);
}

/** The noun groups of a phrase starting at `i`: [from, to] of each, joined by links (and an article). */
function groupsFrom(tags: Tag[], breaksBefore: boolean[], i: number, lang: Lang): [number, number][] {
  const groups: [number, number][] = [];
  const group = (k: number): number => {
    // The longest run of tags from k matching the group's pattern, without crossing punctuation.
    let stop = k;
    while (stop < tags.length && (stop === k || !breaksBefore[stop]) && 'NAP'.includes(tags[stop]!)) stop++;
    const re = GROUP[lang];
    re.lastIndex = 0;
    const m = re.exec(tags.slice(k, stop).join(''));
    return m ? k + m[0].length - 1 : -1;
  };
  const first = group(i);
  if (first < 0) return groups;
  groups.push([i, first]);
  let k = first + 1;
  while (k < tags.length && tags[k] === 'L' && !breaksBefore[k]) {
    let next = k + 1;
    if (tags[next] === 'D' && !breaksBefore[next]) next++;
    if (next >= tags.length || breaksBefore[next]) break;
    const end = group(next);
    if (end < 0) break;
    groups.push([next, end]);
    k = end + 1;
  }
  return groups;
}

/** Whether a noun says something about a need: not generic, not a place name, not a single letter. */
export function specificNoun(folded: string, classes: WordClasses): boolean {
  return folded.length > 1 && !GENERIC_NOUNS.has(folded) && !classes.isPlace(folded);
}

/**
 * The name of a clause aspect: of the clause's noun phrases holding a specific noun that is the clause's own (not
 * one a concept aspect spans) and whose name no other aspect has, the one with most specific nouns, then most words,
 * then the later (the object of a request follows its verb). Null when the clause has none: a clause of verbs,
 * adverbs and generic words ("perso tutta", "problem comes") has no name.
 */
export function clauseName(
  text: string,
  span: { start: number; end: number },
  lang: Lang,
  classes: WordClasses,
  content: ReadonlySet<string>,
  spanned: ReadonlySet<string>,
  taken: ReadonlySet<string>,
): string | null {
  if (span.start < 0) return null;
  let best: { name: string; own: number; specific: number; words: number } | null = null;
  for (const p of nounPhrases(text, span.start, span.end, lang, classes, content)) {
    const specific = p.nouns.filter((n) => specificNoun(n.folded, classes));
    const own = specific.filter((n) => !spanned.has(n.surface)).length;
    if (!own) continue;
    const name = text.slice(p.start, p.end).replace(/\s+/g, ' ').trim();
    if (taken.has(nameKey(name))) continue;
    const better =
      !best || specific.length > best.specific || (specific.length === best.specific && p.words >= best.words);
    if (better) best = { name, own, specific: specific.length, words: p.words };
  }
  return best?.name ?? null;
}

/** Names compare folded, without accents or case ("studio di fattibilita" is "studio di fattibilità"). */
export function nameKey(name: string): string {
  return tokenize(name)
    .map((t) => t.folded)
    .join(' ');
}
