/**
 * Italian provinces, metropolitan cities and equivalent bodies by their two-letter code (as on number plates and in
 * the business register), with their names. Tuscany's ten come first in lists shown to Tuscan companies.
 */
export const PROVINCES: readonly (readonly [code: string, name: string])[] = [
  ['AG', 'Agrigento'], ['AL', 'Alessandria'], ['AN', 'Ancona'], ['AO', 'Aosta'], ['AP', 'Ascoli Piceno'], ['AQ', "L'Aquila"],
  ['AR', 'Arezzo'], ['AT', 'Asti'], ['AV', 'Avellino'], ['BA', 'Bari'], ['BG', 'Bergamo'], ['BI', 'Biella'], ['BL', 'Belluno'],
  ['BN', 'Benevento'], ['BO', 'Bologna'], ['BR', 'Brindisi'], ['BS', 'Brescia'], ['BT', 'Barletta-Andria-Trani'], ['BZ', 'Bolzano'],
  ['CA', 'Cagliari'], ['CB', 'Campobasso'], ['CE', 'Caserta'], ['CH', 'Chieti'], ['CL', 'Caltanissetta'], ['CN', 'Cuneo'],
  ['CO', 'Como'], ['CR', 'Cremona'], ['CS', 'Cosenza'], ['CT', 'Catania'], ['CZ', 'Catanzaro'], ['EN', 'Enna'],
  ['FC', 'Forlì-Cesena'], ['FE', 'Ferrara'], ['FG', 'Foggia'], ['FI', 'Firenze'], ['FM', 'Fermo'], ['FR', 'Frosinone'],
  ['GE', 'Genova'], ['GO', 'Gorizia'], ['GR', 'Grosseto'], ['IM', 'Imperia'], ['IS', 'Isernia'], ['KR', 'Crotone'],
  ['LC', 'Lecco'], ['LE', 'Lecce'], ['LI', 'Livorno'], ['LO', 'Lodi'], ['LT', 'Latina'], ['LU', 'Lucca'],
  ['MB', 'Monza e Brianza'], ['MC', 'Macerata'], ['ME', 'Messina'], ['MI', 'Milano'], ['MN', 'Mantova'], ['MO', 'Modena'],
  ['MS', 'Massa-Carrara'], ['MT', 'Matera'], ['NA', 'Napoli'], ['NO', 'Novara'], ['NU', 'Nuoro'], ['OR', 'Oristano'],
  ['PA', 'Palermo'], ['PC', 'Piacenza'], ['PD', 'Padova'], ['PE', 'Pescara'], ['PG', 'Perugia'], ['PI', 'Pisa'],
  ['PN', 'Pordenone'], ['PO', 'Prato'], ['PR', 'Parma'], ['PT', 'Pistoia'], ['PU', 'Pesaro e Urbino'], ['PV', 'Pavia'],
  ['PZ', 'Potenza'], ['RA', 'Ravenna'], ['RC', 'Reggio Calabria'], ['RE', 'Reggio Emilia'], ['RG', 'Ragusa'], ['RI', 'Rieti'],
  ['RM', 'Roma'], ['RN', 'Rimini'], ['RO', 'Rovigo'], ['SA', 'Salerno'], ['SI', 'Siena'], ['SO', 'Sondrio'], ['SP', 'La Spezia'],
  ['SR', 'Siracusa'], ['SS', 'Sassari'], ['SU', 'Sud Sardegna'], ['SV', 'Savona'], ['TA', 'Taranto'], ['TE', 'Teramo'],
  ['TN', 'Trento'], ['TO', 'Torino'], ['TP', 'Trapani'], ['TR', 'Terni'], ['TS', 'Trieste'], ['TV', 'Treviso'], ['UD', 'Udine'],
  ['VA', 'Varese'], ['VB', 'Verbano-Cusio-Ossola'], ['VC', 'Vercelli'], ['VE', 'Venezia'], ['VI', 'Vicenza'], ['VR', 'Verona'],
  ['VT', 'Viterbo'], ['VV', 'Vibo Valentia'],
];
export const TUSCAN_PROVINCES = ['AR', 'FI', 'GR', 'LI', 'LU', 'MS', 'PI', 'PO', 'PT', 'SI'] as const;
const CODES = new Set(PROVINCES.map(([c]) => c));
export const isProvince = (code: string) => CODES.has(code);
export const provinceName = (code: string) => PROVINCES.find(([c]) => c === code)?.[1];
