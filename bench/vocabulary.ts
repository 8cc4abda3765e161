/**
 * Bilingual domain vocabularies for the benchmark catalogue generator (bench/generate.ts).
 *
 * Every pair is [Italian, English] and the two sides say the same thing, so a record can be written in either language
 * or both from the same random choices. Methods carry their own connecting preposition ("prove di trazione su" +
 * "carta tissue"), so titles read naturally in both languages without a grammar engine.
 */

export type Pair = readonly [it: string, en: string];

export interface Domain {
  id: string;
  /** Adjective/label used in sentences and organisation names: "settore cartario" / "paper sector". */
  label: Pair;
  filiere: string[];
  sectors: string[];
  technologyAreas: string[];
  s3: string[];
  /** Things a record is about (noun phrases, no article). */
  subjects: Pair[];
  /** What a centre does, ending with the preposition that introduces a subject. */
  methods: Pair[];
  /** Instruments and facilities. */
  equipment: Pair[];
  /** A firm's problem, as a noun phrase. */
  problems: Pair[];
  /** What a firm wants to achieve, as an infinitive phrase ("ridurre gli scarti" / "reduce rejects"). */
  goals: Pair[];
  standards: string[];
  acronyms: string[];
  /** Laboratory names (used as the equipment `lab` field and in expert roles). */
  labs: string[];
  /** Company name endings for organisations of this domain: "Carte Speciali", "Yachts". */
  companyWords: string[];
}

export const DOMAINS: Domain[] = [
  {
    id: 'carta',
    label: ['cartario', 'paper'],
    filiere: ['carta'],
    sectors: ['C17.11', 'C17.12', 'C17.21', 'C17.22', 'C17.29', 'M71.20'],
    technologyAreas: ['cellulose-fibres', 'mechanical-testing', 'recycling-waste'],
    s3: ['s3-advanced-materials', 's3-ecological-transition'],
    subjects: [
      ['carta tissue', 'tissue paper'], ['cartone ondulato', 'corrugated board'], ['cartoncino per astucci', 'folding boxboard'],
      ['carta da macero', 'recovered paper'], ['pasta di cellulosa', 'wood pulp'], ['imballaggi in carta', 'paper-based packaging'],
      ['cellulosa stampata', 'moulded pulp'], ['carte speciali', 'speciality papers'], ['fibre riciclate', 'recycled fibres'],
      ['carta per alimenti', 'food-contact paper'], ['bobine madri', 'parent reels'], ['fanghi di cartiera', 'paper mill sludge'],
      ['nanocellulosa', 'nanocellulose'], ['carte barriera', 'barrier papers'], ['imballaggi accoppiati', 'laminated packaging'],
    ],
    methods: [
      ['prove di trazione su', 'tensile testing of'], ['misura della resistenza allo scoppio di', 'burst strength testing of'],
      ['valutazione della riciclabilità di', 'recyclability assessment of'], ['analisi della morfologia delle fibre di', 'fibre morphology analysis of'],
      ['controllo qualità di', 'quality control of'], ['misura della morbidezza di', 'softness measurement of'],
      ['prove di assorbimento su', 'absorbency testing of'], ['ottimizzazione degli impasti per', 'furnish optimisation for'],
      ['studio della resistenza a umido di', 'wet strength studies of'], ['certificazione per contatto alimentare di', 'food-contact certification of'],
      ['progettazione di', 'design of'], ['analisi dei contaminanti in', 'contaminant analysis in'],
    ],
    equipment: [
      ['dinamometro universale', 'universal tensile tester'], ['scoppiometro', 'burst tester'], ['analizzatore di fibre', 'fibre analyser'],
      ['misuratore di morbidezza', 'softness analyser'], ['macchina continua pilota', 'pilot paper machine'],
      ['spappolatore da laboratorio', 'laboratory pulper'], ['camera climatica condizionata', 'conditioned climate room'],
      ['formatore di fogli', 'handsheet former'],
    ],
    problems: [
      ['bobine che si rompono in macchina', 'reels breaking on the machine'], ['troppa polvere nel tissue', 'too much dust in tissue'],
      ['imballaggi che si schiacciano durante il trasporto', 'packaging that collapses in transport'],
      ['macchie e contaminanti nella carta riciclata', 'specks and contaminants in recycled paper'],
      ['consumo eccessivo di fibra vergine', 'excessive virgin fibre consumption'], ['scatole che assorbono umidità', 'boxes that absorb moisture'],
    ],
    goals: [
      ['ridurre il consumo di fibra vergine', 'reduce virgin fibre consumption'], ['sostituire la plastica negli imballaggi', 'replace plastic in packaging'],
      ['migliorare la morbidezza del tissue', 'improve tissue softness'], ['valorizzare i fanghi di cartiera', 'add value to paper mill sludge'],
      ['ottenere la certificazione di riciclabilità', 'obtain recyclability certification'], ['ridurre la grammatura a parità di resistenza', 'cut basis weight without losing strength'],
    ],
    standards: ['ISO 1924-2', 'ISO 2758', 'ISO 2759', 'ISO 12625-4', 'ISO 12625-5', 'UNI 11743', 'Aticelca 501', 'EN 13432'],
    acronyms: ['TEA', 'AFH', 'RCF', 'FBB', 'CNF', 'MFC'],
    labs: ['Laboratorio Qualità Carta', 'TissueLab', 'FiberLab', 'Laboratorio Imballaggi'],
    companyWords: ['Carte Speciali', 'Tissue', 'Cartotecnica', 'Imballaggi', 'Cartiera'],
  },
  {
    id: 'nautica',
    label: ['nautico', 'nautical'],
    filiere: ['nautica', 'portualita'],
    sectors: ['C30.11', 'C30.12', 'C33.15', 'H52.22', 'M71.12'],
    technologyAreas: ['marine-tech', 'composites', 'durability-corrosion'],
    s3: ['s3-smart-enterprise', 's3-advanced-manufacturing'],
    subjects: [
      ['scafi in vetroresina', 'fibreglass hulls'], ['superyacht', 'superyachts'], ['carene plananti', 'planing hulls'],
      ['impianti di bordo', 'onboard systems'], ['eliche navali', 'marine propellers'], ['pitture antivegetative', 'antifouling paints'],
      ['arredamento nautico', 'yacht interiors'], ['alberi e sartiame', 'masts and rigging'], ['porti turistici', 'marinas'],
      ['refit di yacht', 'yacht refit'], ['pannelli sandwich', 'sandwich panels'], ['propulsione ibrida', 'hybrid propulsion'],
      ['banchine portuali', 'port quays'], ['imbarcazioni a fine vita', 'end-of-life boats'], ['motori marini', 'marine engines'],
    ],
    methods: [
      ['prove in vasca navale su', 'towing tank testing of'], ['simulazione fluidodinamica di', 'CFD simulation of'],
      ['analisi della corrosione marina su', 'marine corrosion analysis of'], ['ispezioni non distruttive di', 'non-destructive inspection of'],
      ['progettazione strutturale di', 'structural design of'], ['misure di rumore e vibrazioni a bordo di', 'onboard noise and vibration measurement of'],
      ['riciclo dei compositi da', 'composite recycling from'], ['certificazione CE di', 'CE certification of'],
      ['monitoraggio delle condizioni di', 'condition monitoring of'], ['ottimizzazione dei consumi di', 'fuel consumption optimisation of'],
      ['prototipazione di', 'prototyping of'],
    ],
    equipment: [
      ['vasca navale', 'towing tank'], ['camera a nebbia salina', 'salt spray chamber'], ['scanner laser 3D', '3D laser scanner'],
      ['termocamera', 'thermal imaging camera'], ['banco prova eliche', 'propeller test rig'], ['sonda a ultrasuoni', 'ultrasonic probe'],
      ['pressa per stampaggio compositi', 'composite moulding press'], ['drone marino di superficie', 'uncrewed surface vessel'],
    ],
    problems: [
      ['osmosi dello scafo', 'hull osmosis'], ['bolle nella vernice della carena', 'blistering in the hull paint'],
      ['vibrazioni eccessive in navigazione', 'excessive vibration under way'], ['delaminazione dei pannelli sandwich', 'delamination of sandwich panels'],
      ['corrosione galvanica delle appendici', 'galvanic corrosion of the appendages'], ['consumi di carburante troppo alti', 'fuel consumption that is too high'],
    ],
    goals: [
      ['ridurre i consumi in navigazione', 'reduce fuel consumption under way'], ['alleggerire la struttura dello scafo', 'make the hull structure lighter'],
      ['riciclare la vetroresina a fine vita', 'recycle fibreglass at end of life'], ['ridurre il rumore a bordo', 'reduce onboard noise'],
      ['ottenere la marcatura CE delle imbarcazioni', 'obtain CE marking for boats'], ['elettrificare le banchine', 'electrify the quays'],
    ],
    standards: ['ISO 12215-5', 'ISO 9227', 'EN ISO 6270', 'RINA', 'ISO 8846', 'IMO Tier III'],
    acronyms: ['CFD', 'NDT', 'GFRP', 'CFRP', 'ROV', 'RCD', 'OPS'],
    labs: ['Laboratorio Compositi Navali', 'Vasca Navale', 'Laboratorio Corrosione Marina', 'Officina Prototipi'],
    companyWords: ['Yachts', 'Cantiere Navale', 'Marine', 'Vele', 'Navalmeccanica'],
  },
  {
    id: 'geotermia',
    label: ['energetico', 'energy'],
    filiere: ['geotermia', 'ambiente'],
    sectors: ['D35.11', 'D35.30', 'B08.11', 'M71.12', 'F43.99', 'D35.21'],
    technologyAreas: ['geothermal', 'energy-efficiency', 'hydrogen', 'bioenergy'],
    s3: ['s3-environment-energy', 'ris3-energy-green-economy'],
    subjects: [
      ['fluidi geotermici', 'geothermal fluids'], ['pompe di calore geotermiche', 'ground-source heat pumps'], ['teleriscaldamento', 'district heating'],
      ['impianti a biomassa', 'biomass plants'], ['idrogeno verde', 'green hydrogen'], ['comunità energetiche', 'energy communities'],
      ['scambiatori di calore', 'heat exchangers'], ['recupero del calore di scarto', 'waste heat recovery'], ['accumulo termico', 'thermal energy storage'],
      ['pozzi geotermici', 'geothermal wells'], ['impianti fotovoltaici', 'photovoltaic plants'], ['serre riscaldate', 'heated greenhouses'],
      ['celle a combustibile', 'fuel cells'], ['biogas', 'biogas'],
    ],
    methods: [
      ['diagnosi energetica di', 'energy audit of'], ['modellazione termica di', 'thermal modelling of'],
      ['analisi chimica di', 'chemical analysis of'], ['studi di fattibilità per', 'feasibility studies for'],
      ['monitoraggio delle prestazioni di', 'performance monitoring of'], ['dimensionamento di', 'sizing of'],
      ['valutazione economica di', 'economic assessment of'], ['prove di combustione su', 'combustion tests on'],
      ['analisi delle incrostazioni in', 'scaling analysis in'], ['supporto autorizzativo per', 'permitting support for'],
    ],
    equipment: [
      ['banco prova pompe di calore', 'heat pump test bench'], ['analizzatore di gas di combustione', 'flue gas analyser'],
      ['elettrolizzatore PEM', 'PEM electrolyser'], ['termoflussimetro', 'heat flux meter'], ['impianto pilota ORC', 'ORC pilot plant'],
      ['cromatografo ionico', 'ion chromatograph'], ['stazione meteo e radiometrica', 'weather and radiometric station'],
    ],
    problems: [
      ['bollette energetiche troppo alte', 'energy bills that are too high'], ['incrostazioni negli scambiatori', 'scaling in the heat exchangers'],
      ['calore di processo disperso', 'wasted process heat'], ['emissioni di CO2 da ridurre', 'CO2 emissions to cut'],
      ['impianto che non rende come previsto', 'a plant that underperforms'],
    ],
    goals: [
      ['ridurre i costi energetici', 'cut energy costs'], ['usare il calore geotermico nei processi', 'use geothermal heat in processes'],
      ['costituire una comunità energetica', 'set up an energy community'], ['decarbonizzare la produzione', 'decarbonise production'],
      ['accedere ai certificati bianchi', 'access white certificates'], ['produrre idrogeno verde in sito', 'produce green hydrogen on site'],
    ],
    standards: ['ISO 50001', 'UNI CEI EN 16247', 'UNI EN 14511', 'UNI 11466', 'EN 15316'],
    acronyms: ['ORC', 'CHP', 'CER', 'ESCO', 'EGE', 'PEM', 'TES'],
    labs: ['Laboratorio Geotermia', 'Laboratorio Energia', 'Laboratorio Idrogeno', 'Centro Prove Impianti'],
    companyWords: ['Energia', 'Geoservizi', 'Impianti', 'Green Power', 'Termotecnica'],
  },
  {
    id: 'scienze-vita',
    label: ['delle scienze della vita', 'life sciences'],
    filiere: ['farma'],
    sectors: ['C21.10', 'C21.20', 'M72.11', 'C32.50', 'Q86.90', 'C20.42'],
    technologyAreas: ['biotech', 'drug-discovery', 'medical-devices', 'life-sciences'],
    s3: ['s3-health', 's3-life-technologies', 'ris3-health-life-sciences'],
    subjects: [
      ['anticorpi monoclonali', 'monoclonal antibodies'], ['vaccini', 'vaccines'], ['dispositivi medici', 'medical devices'],
      ['colture cellulari', 'cell cultures'], ['principi attivi', 'active ingredients'], ['biomateriali', 'biomaterials'],
      ['kit diagnostici', 'diagnostic kits'], ['integratori alimentari', 'food supplements'], ['cosmetici', 'cosmetics'],
      ['peptidi', 'peptides'], ['campioni biologici', 'biological samples'], ['nutraceutici', 'nutraceuticals'],
      ['software medicale', 'medical software'], ['proteine ricombinanti', 'recombinant proteins'],
    ],
    methods: [
      ['screening di', 'screening of'], ['saggi di citotossicità su', 'cytotoxicity assays on'], ['caratterizzazione analitica di', 'analytical characterisation of'],
      ['sviluppo preclinico di', 'preclinical development of'], ['validazione di metodi per', 'method validation for'],
      ['studi di stabilità di', 'stability studies of'], ['supporto regolatorio per', 'regulatory support for'],
      ['prove di biocompatibilità su', 'biocompatibility testing of'], ['sequenziamento di', 'sequencing of'],
      ['incubazione di startup su', 'startup incubation on'], ['produzione in scala pilota di', 'pilot-scale production of'],
    ],
    equipment: [
      ['citofluorimetro', 'flow cytometer'], ['spettrometro di massa ad alta risoluzione', 'high-resolution mass spectrometer'],
      ['sequenziatore di nuova generazione', 'next-generation sequencer'], ['cappa a flusso laminare', 'laminar flow hood'],
      ['bioreattore', 'bioreactor'], ['sistema HPLC', 'HPLC system'], ['microscopio confocale', 'confocal microscope'], ['camera bianca', 'clean room'],
    ],
    problems: [
      ['impurezze nel principio attivo', 'impurities in the active ingredient'], ['scarsa stabilità del prodotto', 'poor product stability'],
      ['dossier regolatorio incompleto', 'an incomplete regulatory dossier'], ['resa bassa nella produzione', 'low production yield'],
      ['risultati non riproducibili', 'results that are not reproducible'],
    ],
    goals: [
      ['ottenere la marcatura CE del dispositivo', 'obtain CE marking for the device'], ['accelerare lo sviluppo preclinico', 'speed up preclinical development'],
      ['trasferire il processo in produzione', 'transfer the process to production'], ['dimostrare la biocompatibilità', 'demonstrate biocompatibility'],
      ['trovare investitori per la startup', 'find investors for the startup'],
    ],
    standards: ['ISO 10993-5', 'ISO 13485', 'GMP', 'GLP', 'ICH Q1A', 'MDR 2017/745', 'ISO 14971'],
    acronyms: ['HPLC', 'LC-MS', 'NGS', 'GMP', 'GLP', 'MDR', 'ELISA', 'PCR'],
    labs: ['Laboratorio di Biologia Cellulare', 'Piattaforma di Spettrometria', 'Laboratorio GMP', 'Bioincubatore'],
    companyWords: ['Therapeutics', 'Biotech', 'Pharma', 'Diagnostics', 'Life Sciences'],
  },
  {
    id: 'materiali',
    label: ['dei materiali', 'materials'],
    filiere: ['meccanica', 'nautica', 'mobile'],
    sectors: ['C24.10', 'C25.61', 'C25.62', 'C28.11', 'C28.95', 'M71.20', 'C22.29'],
    technologyAreas: ['mechanical-testing', 'composites', 'coatings-surfaces', 'additive-manufacturing', 'materials'],
    s3: ['s3-advanced-materials', 's3-advanced-manufacturing', 'ris3-smart-factory'],
    subjects: [
      ['acciaio inossidabile', 'stainless steel'], ['leghe di alluminio', 'aluminium alloys'], ['materiali compositi', 'composite materials'],
      ['giunti saldati', 'welded joints'], ['componenti stampati in 3D', '3D-printed parts'], ['rivestimenti superficiali', 'surface coatings'],
      ['polimeri tecnici', 'engineering polymers'], ['fibra di carbonio', 'carbon fibre'], ['getti in ghisa', 'cast iron castings'],
      ['leghe di titanio', 'titanium alloys'], ['materiali ceramici', 'ceramic materials'], ['adesivi strutturali', 'structural adhesives'],
      ['plastica riciclata', 'recycled plastics'], ['bioplastiche', 'bioplastics'], ['polveri metalliche', 'metal powders'],
    ],
    methods: [
      ['prove di fatica su', 'fatigue testing of'], ['analisi dei difetti di', 'failure analysis of'], ['prove di durezza su', 'hardness testing of'],
      ['caratterizzazione meccanica di', 'mechanical characterisation of'], ['prove di corrosione in nebbia salina su', 'salt spray corrosion testing of'],
      ['microscopia elettronica di', 'electron microscopy of'], ['analisi termica di', 'thermal analysis of'], ['controlli non distruttivi su', 'non-destructive testing of'],
      ['sviluppo di formulazioni di', 'formulation development of'], ['prove di usura su', 'wear testing of'], ['simulazione agli elementi finiti di', 'finite element simulation of'],
      ['prove di resilienza Charpy su', 'Charpy impact testing of'],
    ],
    equipment: [
      ['macchina di prova servoidraulica', 'servo-hydraulic testing machine'], ['microscopio elettronico a scansione', 'scanning electron microscope'],
      ['durometro', 'hardness tester'], ['calorimetro differenziale a scansione', 'differential scanning calorimeter'], ['tribometro', 'tribometer'],
      ['stampante 3D a letto di polvere', 'powder bed fusion printer'], ['tomografo a raggi X', 'X-ray CT scanner'], ['pendolo Charpy', 'Charpy pendulum'],
      ['spettrometro a fluorescenza X', 'X-ray fluorescence spectrometer'],
    ],
    problems: [
      ['cricche nelle saldature', 'cracks in the welds'], ['pezzi che si rompono a fatica', 'parts failing by fatigue'],
      ['vernice che si stacca', 'paint that peels off'], ['porosità nei getti', 'porosity in castings'], ['usura precoce dei componenti', 'early wear of components'],
      ['ingiallimento della plastica', 'yellowing of the plastic'], ['troppi scarti di produzione', 'too many production rejects'],
    ],
    goals: [
      ['sostituire un materiale critico', 'replace a critical material'], ['alleggerire i componenti', 'make components lighter'],
      ['qualificare un nuovo fornitore', 'qualify a new supplier'], ['allungare la vita utile del prodotto', 'extend product life'],
      ['introdurre la stampa 3D in produzione', 'bring 3D printing into production'], ['usare plastica riciclata', 'use recycled plastic'],
    ],
    standards: ['ISO 6892-1', 'ISO 9227', 'ASTM E466', 'ISO 148-1', 'ISO 6507', 'ISO 11357', 'EN 1090'],
    acronyms: ['SEM', 'EDS', 'DSC', 'TGA', 'FEM', 'NDT', 'XRF', 'CT', 'SLM'],
    labs: ['Laboratorio Prove Materiali', 'Laboratorio di Metallurgia', 'Laboratorio Polimeri', 'Laboratorio Manifattura Additiva'],
    companyWords: ['Meccanica', 'Fonderie', 'Metalli', 'Plast', 'Compositi'],
  },
  {
    id: 'chimica',
    label: ['chimico', 'chemical'],
    filiere: ['chimica', 'ambiente'],
    sectors: ['C20.11', 'C20.14', 'C20.30', 'C20.59', 'M71.20', 'C20.16'],
    technologyAreas: ['chemical-analysis', 'process-engineering', 'nanotechnology'],
    s3: ['ris3-chemistry-nano', 's3-ecological-transition'],
    subjects: [
      ['acque reflue industriali', 'industrial wastewater'], ['solventi', 'solvents'], ['vernici all\'acqua', 'waterborne paints'],
      ['catalizzatori', 'catalysts'], ['metalli pesanti', 'heavy metals'], ['composti organici volatili', 'volatile organic compounds'],
      ['processi chimici', 'chemical processes'], ['nanoparticelle', 'nanoparticles'], ['sostanze perfluorurate', 'perfluorinated substances'],
      ['emissioni in atmosfera', 'air emissions'], ['detergenti', 'detergents'], ['lubrificanti', 'lubricants'], ['residui di lavorazione', 'process residues'],
    ],
    methods: [
      ['analisi chimiche di', 'chemical analysis of'], ['scale-up di', 'scale-up of'], ['ottimizzazione di', 'optimisation of'],
      ['monitoraggio di', 'monitoring of'], ['sintesi di', 'synthesis of'], ['valutazione REACH di', 'REACH assessment of'],
      ['spettroscopia infrarossa di', 'infrared spectroscopy of'], ['gascromatografia di', 'gas chromatography of'],
      ['trattamento di', 'treatment of'], ['sostituzione di', 'substitution of'],
    ],
    equipment: [
      ['gascromatografo con spettrometro di massa', 'GC-MS system'], ['spettrometro ICP-MS', 'ICP-MS spectrometer'],
      ['spettrofotometro FTIR', 'FTIR spectrometer'], ['reattore pilota', 'pilot reactor'], ['impianto pilota di distillazione', 'pilot distillation unit'],
      ['analizzatore di carbonio organico totale', 'total organic carbon analyser'], ['camera di emissione', 'emission test chamber'],
    ],
    problems: [
      ['cattivi odori dall\'impianto', 'bad smells from the plant'], ['scarichi fuori dai limiti', 'discharges above the limits'],
      ['sostanze soggette a restrizione nel prodotto', 'restricted substances in the product'], ['resa bassa della reazione', 'low reaction yield'],
      ['emissioni di solventi troppo alte', 'solvent emissions that are too high'],
    ],
    goals: [
      ['eliminare le sostanze perfluorurate', 'phase out perfluorinated substances'], ['recuperare i solventi', 'recover solvents'],
      ['rispettare il regolamento REACH', 'comply with REACH'], ['ridurre le emissioni di COV', 'cut VOC emissions'],
      ['passare a processi più sostenibili', 'move to greener processes'],
    ],
    standards: ['UNI EN ISO 17025', 'REACH', 'CLP', 'EPA 8270', 'UNI EN 13725', 'ISO 16000'],
    acronyms: ['GC-MS', 'ICP-MS', 'FTIR', 'VOC', 'COV', 'PFAS', 'TOC', 'REACH', 'SVHC'],
    labs: ['Laboratorio Chimico', 'Laboratorio Analisi Ambientali', 'Impianti Pilota', 'Laboratorio Emissioni'],
    companyWords: ['Chimica', 'Chem', 'Analisi', 'Vernici', 'Solventi'],
  },
  {
    id: 'agrifood',
    label: ['agroalimentare', 'agri-food'],
    filiere: ['agrifood'],
    sectors: ['A01.21', 'A01.26', 'C11.02', 'C10.41', 'C10.51', 'C10.13', 'C10.71'],
    technologyAreas: ['food-tech', 'chemical-analysis', 'biotech'],
    s3: ['s3-agrifood', 's3-ecological-transition'],
    subjects: [
      ['vino', 'wine'], ['olio extravergine di oliva', 'extra virgin olive oil'], ['formaggi', 'cheeses'], ['prodotti da forno', 'bakery products'],
      ['salumi', 'cured meats'], ['ortofrutta', 'fresh produce'], ['sottoprodotti agroalimentari', 'agri-food by-products'],
      ['imballaggi alimentari', 'food packaging'], ['birra artigianale', 'craft beer'], ['cereali antichi', 'ancient grains'],
      ['vinacce', 'grape pomace'], ['acque di vegetazione', 'olive mill wastewater'], ['miele', 'honey'],
    ],
    methods: [
      ['analisi sensoriale di', 'sensory analysis of'], ['shelf life di', 'shelf-life studies of'], ['tracciabilità di', 'traceability of'],
      ['analisi dei residui di pesticidi in', 'pesticide residue analysis in'], ['valorizzazione di', 'valorisation of'],
      ['sviluppo di nuovi', 'development of new'], ['controllo microbiologico di', 'microbiological control of'],
      ['etichettatura nutrizionale di', 'nutrition labelling of'], ['autenticità e frodi di', 'authenticity and fraud testing of'],
    ],
    equipment: [
      ['naso elettronico', 'electronic nose'], ['panel di assaggio', 'tasting panel'], ['cella climatica per shelf life', 'shelf-life climate cabinet'],
      ['cantina sperimentale', 'experimental winery'], ['frantoio pilota', 'pilot olive mill'], ['spettrometro NIR', 'NIR spectrometer'],
    ],
    problems: [
      ['prodotto che irrancidisce', 'a product going rancid'], ['difetti di aroma nel vino', 'off-flavours in wine'],
      ['contaminazioni microbiche', 'microbial contamination'], ['scarti di lavorazione da smaltire', 'processing waste to dispose of'],
      ['frodi e contraffazioni', 'fraud and counterfeiting'],
    ],
    goals: [
      ['allungare la shelf life', 'extend shelf life'], ['valorizzare le vinacce', 'add value to grape pomace'],
      ['certificare l\'origine del prodotto', 'certify product origin'], ['ridurre lo spreco alimentare', 'reduce food waste'],
      ['esportare negli Stati Uniti', 'export to the United States'],
    ],
    standards: ['ISO 22000', 'HACCP', 'BRC', 'IFS Food', 'ISO 8586', 'Reg. CE 1169/2011'],
    acronyms: ['HACCP', 'DOP', 'IGP', 'NIR', 'MAP', 'BRC', 'IFS'],
    labs: ['Laboratorio Enologico', 'Laboratorio Analisi Alimenti', 'Laboratorio Sensoriale', 'Cantina Sperimentale'],
    companyWords: ['Cantina', 'Oleificio', 'Caseificio', 'Alimentare', 'Agricola'],
  },
  {
    id: 'edilizia',
    label: ['edile', 'construction'],
    filiere: ['edilizia', 'lapideo'],
    sectors: ['F41.20', 'F43.29', 'C23.61', 'C23.70', 'M71.12', 'C16.23'],
    technologyAreas: ['construction', 'energy-efficiency', 'design-simulation'],
    s3: ['s3-ecological-transition', 's3-smart-enterprise'],
    subjects: [
      ['edifici in legno', 'timber buildings'], ['involucro edilizio', 'building envelope'], ['calcestruzzo', 'concrete'],
      ['isolanti naturali', 'natural insulation'], ['serramenti', 'windows and doors'], ['marmo di Carrara', 'Carrara marble'],
      ['pietra naturale', 'natural stone'], ['ponti e viadotti', 'bridges and viaducts'], ['edifici storici', 'historic buildings'],
      ['malte di calce', 'lime mortars'], ['aggregati riciclati', 'recycled aggregates'], ['pannelli X-LAM', 'cross-laminated timber panels'],
      ['tetti verdi', 'green roofs'],
    ],
    methods: [
      ['valutazione della vulnerabilità sismica di', 'seismic vulnerability assessment of'], ['riqualificazione energetica di', 'energy retrofit of'],
      ['monitoraggio strutturale di', 'structural health monitoring of'], ['prove di resistenza al fuoco di', 'fire resistance testing of'],
      ['misura della trasmittanza di', 'thermal transmittance measurement of'], ['progettazione BIM di', 'BIM design of'],
      ['diagnostica per il restauro di', 'diagnostics for the restoration of'], ['prove acustiche su', 'acoustic testing of'],
      ['certificazione ambientale di', 'environmental certification of'],
    ],
    equipment: [
      ['termoflussimetro da parete', 'wall heat flux meter'], ['pressa per calcestruzzo', 'concrete compression press'],
      ['camera riverberante', 'reverberation room'], ['blower door', 'blower door'], ['georadar', 'ground-penetrating radar'],
      ['sistema di monitoraggio con accelerometri', 'accelerometer monitoring system'], ['forno per prove al fuoco', 'fire test furnace'],
    ],
    problems: [
      ['muffa e condensa sulle pareti', 'mould and condensation on walls'], ['umidità di risalita nei muri', 'rising damp in the walls'],
      ['crepe nelle strutture', 'cracks in the structure'], ['infiltrazioni d\'acqua dal tetto', 'water leaking through the roof'],
      ['edificio troppo caldo d\'estate', 'a building that is too hot in summer'],
    ],
    goals: [
      ['raggiungere edifici a energia quasi zero', 'reach nearly zero-energy buildings'], ['migliorare la sicurezza sismica', 'improve seismic safety'],
      ['usare materiali riciclati in cantiere', 'use recycled materials on site'], ['ottenere la certificazione LEED', 'obtain LEED certification'],
      ['ridurre i rifiuti da demolizione', 'reduce demolition waste'],
    ],
    standards: ['NTC 2018', 'UNI EN ISO 6946', 'UNI 11367', 'EN 13501-1', 'UNI EN 206', 'CAM Edilizia'],
    acronyms: ['BIM', 'NZEB', 'LEED', 'CLT', 'APE', 'SHM', 'CAM'],
    labs: ['Laboratorio Prove Materiali da Costruzione', 'Laboratorio Acustica', 'Laboratorio Restauro', 'Abitare Sostenibile'],
    companyWords: ['Costruzioni', 'Edilizia', 'Marmi', 'Legno', 'Serramenti'],
  },
  {
    id: 'digitale',
    label: ['digitale', 'digital'],
    filiere: ['ict', 'meccanica'],
    sectors: ['J62.01', 'J62.02', 'J63.11', 'M72.19', 'C26.51', 'M70.22'],
    technologyAreas: ['digital', 'data-ai', 'iot-sensors'],
    s3: ['s3-digital-technologies', 's3-digital-transition', 'ris3-industry-4-0'],
    subjects: [
      ['intelligenza artificiale', 'artificial intelligence'], ['sensori IoT', 'IoT sensors'], ['gemelli digitali', 'digital twins'],
      ['sicurezza informatica', 'cybersecurity'], ['visione artificiale', 'machine vision'], ['robot collaborativi', 'collaborative robots'],
      ['manutenzione predittiva', 'predictive maintenance'], ['dati di produzione', 'production data'], ['realtà aumentata', 'augmented reality'],
      ['sistemi MES', 'MES systems'], ['blockchain', 'blockchain'], ['cloud computing', 'cloud computing'], ['reti 5G', '5G networks'],
    ],
    methods: [
      ['valutazione della maturità digitale per', 'digital maturity assessment for'], ['sviluppo di', 'development of'],
      ['integrazione di', 'integration of'], ['formazione su', 'training on'], ['analisi dei rischi di', 'risk assessment of'],
      ['prototipazione di', 'prototyping of'], ['consulenza su', 'consulting on'], ['test di penetrazione su', 'penetration testing of'],
      ['addestramento di modelli per', 'model training for'], ['dimostrazioni di', 'demonstrations of'],
    ],
    equipment: [
      ['linea pilota 4.0', 'Industry 4.0 pilot line'], ['robot collaborativo', 'collaborative robot'], ['visore per realtà aumentata', 'augmented reality headset'],
      ['server GPU', 'GPU server'], ['banco di prova per sensori', 'sensor test bench'], ['telecamera iperspettrale', 'hyperspectral camera'],
    ],
    problems: [
      ['fermi macchina improvvisi', 'sudden machine downtime'], ['dati di produzione non raccolti', 'production data that nobody collects'],
      ['attacchi informatici', 'cyber attacks'], ['controllo qualità manuale troppo lento', 'manual quality control that is too slow'],
      ['mancanza di competenze digitali', 'lack of digital skills'],
    ],
    goals: [
      ['digitalizzare la produzione', 'digitalise production'], ['prevedere i guasti delle macchine', 'predict machine failures'],
      ['automatizzare il controllo qualità', 'automate quality control'], ['accedere agli incentivi Transizione 5.0', 'access Transition 5.0 incentives'],
      ['proteggere i dati aziendali', 'protect company data'],
    ],
    standards: ['ISO/IEC 27001', 'IEC 62443', 'OPC UA', 'NIS2', 'ISO 23247'],
    acronyms: ['AI', 'IoT', 'MES', 'ERP', 'AR', 'PLC', 'OPC-UA', 'NIS2'],
    labs: ['Laboratorio Industria 4.0', 'Digital Innovation Hub', 'Laboratorio Robotica', 'Laboratorio Dati'],
    companyWords: ['Software', 'Digital', 'Automazione', 'Informatica', 'Sistemi'],
  },
  {
    id: 'ambiente',
    label: ['ambientale', 'environmental'],
    filiere: ['ambiente', 'chimica'],
    sectors: ['E37.00', 'E38.21', 'E38.32', 'E39.00', 'E36.00', 'M74.90'],
    technologyAreas: ['recycling-waste', 'water-treatment', 'lca', 'circular-economy'],
    s3: ['s3-ecological-transition', 's3-environment-energy'],
    subjects: [
      ['rifiuti industriali', 'industrial waste'], ['ciclo di vita del prodotto', 'product life cycle'], ['impronta di carbonio', 'carbon footprint'],
      ['economia circolare', 'circular economy'], ['microplastiche', 'microplastics'], ['siti contaminati', 'contaminated sites'],
      ['rifiuti da costruzione', 'construction waste'], ['acque di falda', 'groundwater'], ['bilancio di sostenibilità', 'sustainability report'],
      ['simbiosi industriale', 'industrial symbiosis'], ['rifiuti plastici', 'plastic waste'], ['compost', 'compost'],
    ],
    methods: [
      ['analisi del ciclo di vita di', 'life cycle assessment of'], ['calcolo dell\'impronta di carbonio di', 'carbon footprint calculation for'],
      ['caratterizzazione di', 'characterisation of'], ['progettazione di percorsi di', 'roadmaps for'], ['bonifica di', 'remediation of'],
      ['dichiarazioni ambientali di prodotto per', 'environmental product declarations for'], ['rendicontazione ESG su', 'ESG reporting on'],
      ['recupero di materia da', 'material recovery from'], ['campionamento di', 'sampling of'],
    ],
    equipment: [
      ['campionatore di polveri', 'dust sampler'], ['respirometro', 'respirometer'], ['impianto pilota di compostaggio', 'pilot composting plant'],
      ['software LCA', 'LCA software'], ['spettrometro a fluorescenza X portatile', 'portable XRF analyser'], ['banco di selezione ottica', 'optical sorting bench'],
    ],
    problems: [
      ['costi di smaltimento troppo alti', 'disposal costs that are too high'], ['clienti che chiedono dati ambientali', 'customers asking for environmental data'],
      ['rifiuti che non si sa come recuperare', 'waste nobody knows how to recover'], ['terreni inquinati', 'polluted soil'],
    ],
    goals: [
      ['ottenere una EPD', 'obtain an EPD'], ['trasformare i rifiuti in sottoprodotti', 'turn waste into by-products'],
      ['ridurre l\'impronta di carbonio', 'reduce the carbon footprint'], ['preparare il bilancio di sostenibilità', 'prepare the sustainability report'],
      ['ottenere la qualifica end of waste', 'obtain end-of-waste status'],
    ],
    standards: ['ISO 14040', 'ISO 14044', 'ISO 14067', 'EN 15804', 'ISO 14001', 'EMAS', 'CSRD'],
    acronyms: ['LCA', 'EPD', 'PEF', 'ESG', 'CSRD', 'EoW', 'GHG'],
    labs: ['Laboratorio Ambiente', 'Laboratorio Economia Circolare', 'Laboratorio Rifiuti', 'Osservatorio Sostenibilità'],
    companyWords: ['Ambiente', 'Ecologia', 'Recuperi', 'Servizi Ambientali', 'Green'],
  },
  {
    id: 'moda',
    label: ['della moda', 'fashion'],
    filiere: ['tessile', 'calzature', 'concia', 'abbigliamento', 'orafo'],
    sectors: ['C13.20', 'C13.96', 'C14.13', 'C15.11', 'C15.20', 'C32.12'],
    technologyAreas: ['materials', 'chemical-analysis', 'circular-economy'],
    s3: ['s3-smart-enterprise', 's3-culture'],
    subjects: [
      ['pelle conciata al vegetale', 'vegetable-tanned leather'], ['calzature', 'footwear'], ['tessuti tecnici', 'technical textiles'],
      ['lana rigenerata', 'recycled wool'], ['filati', 'yarns'], ['gioielli in oro', 'gold jewellery'], ['accessori in pelle', 'leather goods'],
      ['tinture naturali', 'natural dyes'], ['tessuti non tessuti', 'nonwovens'], ['suole in gomma', 'rubber soles'],
      ['capi di abbigliamento', 'garments'], ['fibre di canapa', 'hemp fibres'],
    ],
    methods: [
      ['prove di solidità del colore su', 'colour fastness testing of'], ['analisi delle sostanze soggette a restrizione in', 'restricted substance testing of'],
      ['prove di abrasione su', 'abrasion testing of'], ['tracciabilità della filiera di', 'supply-chain traceability of'],
      ['progettazione sostenibile di', 'sustainable design of'], ['prove di flessione su', 'flex testing of'],
      ['analisi del titolo di', 'fineness assay of'], ['certificazione di', 'certification of'],
    ],
    equipment: [
      ['abrasimetro Martindale', 'Martindale abrasion tester'], ['flessimetro per tomaie', 'upper flexing tester'],
      ['solidometro alla luce', 'light fastness tester'], ['spettrofotometro colorimetrico', 'colour spectrophotometer'],
      ['fluorescenza X per metalli preziosi', 'XRF for precious metals'], ['telaio campionatore', 'sample loom'],
    ],
    problems: [
      ['colori che stingono', 'colours that bleed'], ['cromo esavalente nella pelle', 'hexavalent chromium in leather'],
      ['suole che si staccano', 'soles that come unstuck'], ['contraffazione dei prodotti', 'counterfeit products'],
      ['tessuti che fanno pilling', 'fabrics that pill'],
    ],
    goals: [
      ['eliminare il cromo dalla concia', 'remove chromium from tanning'], ['usare fibre riciclate', 'use recycled fibres'],
      ['dimostrare la sostenibilità ai brand', 'prove sustainability to brands'], ['introdurre il passaporto digitale di prodotto', 'introduce the digital product passport'],
    ],
    standards: ['ISO 105-B02', 'ISO 12947', 'UNI EN ISO 17075', 'ZDHC MRSL', 'OEKO-TEX', 'ISO 11426'],
    acronyms: ['MRSL', 'ZDHC', 'DPP', 'RSL', 'XRF'],
    labs: ['Laboratorio Tessile', 'Laboratorio Pelle e Calzatura', 'Laboratorio Orafo', 'Laboratorio Colore'],
    companyWords: ['Conceria', 'Calzaturificio', 'Lanificio', 'Gioielli', 'Moda'],
  },
  {
    id: 'vetro-ceramica',
    label: ['del vetro e della ceramica', 'glass and ceramics'],
    filiere: ['vetro_ceramica', 'mobile'],
    sectors: ['C23.13', 'C23.19', 'C23.41', 'C31.09', 'C23.31'],
    technologyAreas: ['materials', 'process-engineering', 'design-simulation'],
    s3: ['s3-advanced-materials', 's3-culture'],
    subjects: [
      ['cristallo', 'crystal glass'], ['vetro cavo', 'hollow glass'], ['ceramiche tecniche', 'technical ceramics'], ['cotto toscano', 'Tuscan terracotta'],
      ['smalti ceramici', 'ceramic glazes'], ['mobili di design', 'design furniture'], ['pannelli in legno', 'wood panels'],
      ['forni fusori', 'melting furnaces'], ['rottame di vetro', 'cullet'], ['piastrelle', 'tiles'],
    ],
    methods: [
      ['prove di resistenza meccanica su', 'strength testing of'], ['analisi della composizione di', 'composition analysis of'],
      ['ottimizzazione della cottura di', 'firing optimisation of'], ['prototipazione di', 'prototyping of'],
      ['efficientamento dei forni per', 'furnace efficiency for'], ['prove di migrazione su', 'migration testing of'],
      ['design e ingegnerizzazione di', 'design and engineering of'],
    ],
    equipment: [
      ['forno elettrico da laboratorio', 'laboratory electric kiln'], ['polariscopio', 'polariscope'], ['dilatometro', 'dilatometer'],
      ['macchina a controllo numerico a cinque assi', 'five-axis CNC machine'], ['camera di prova per mobili', 'furniture test rig'],
    ],
    problems: [
      ['rotture del vetro in ricottura', 'glass breaking during annealing'], ['piombo nel cristallo', 'lead in crystal'],
      ['difetti di smaltatura', 'glaze defects'], ['consumi di gas dei forni', 'gas consumption of the furnaces'],
    ],
    goals: [
      ['produrre cristallo senza piombo', 'make lead-free crystal'], ['aumentare il rottame di vetro nella miscela', 'use more cullet in the batch'],
      ['ridurre i consumi dei forni', 'cut furnace energy use'], ['certificare i mobili per il contract', 'certify furniture for contract markets'],
    ],
    standards: ['UNI EN 1183', 'ISO 7086', 'UNI EN 12520', 'UNI EN 14411'],
    acronyms: ['CNC', 'CAD', 'CAM'],
    labs: ['Laboratorio Vetro', 'Laboratorio Ceramica', 'Laboratorio Arredo'],
    companyWords: ['Cristallerie', 'Vetreria', 'Ceramiche', 'Mobilificio', 'Design'],
  },
  {
    id: 'innovazione',
    label: ['dell\'innovazione', 'innovation'],
    filiere: ['meccanica', 'agrifood', 'moda', 'nautica', 'carta'],
    sectors: ['M70.22', 'M72.19', 'P85.59', 'N82.30', 'M74.90'],
    technologyAreas: ['innovation-management'],
    s3: ['s3-smart-enterprise', 's3-generational-transition'],
    subjects: [
      ['progetti di ricerca e sviluppo', 'research and development projects'], ['brevetti', 'patents'], ['bandi regionali', 'regional calls'],
      ['startup innovative', 'innovative startups'], ['trasferimento tecnologico', 'technology transfer'], ['proprietà intellettuale', 'intellectual property'],
      ['piani di innovazione', 'innovation plans'], ['formazione tecnica', 'technical training'], ['progetti europei Horizon', 'Horizon Europe projects'],
      ['reti di impresa', 'business networks'], ['crediti d\'imposta', 'tax credits'],
    ],
    methods: [
      ['supporto alla preparazione di', 'support with preparing'], ['ricerca di partner per', 'partner search for'], ['valutazione di', 'assessment of'],
      ['accompagnamento di', 'coaching of'], ['scouting tecnologico su', 'technology scouting on'], ['corsi di formazione su', 'training courses on'],
      ['gestione di', 'management of'], ['analisi di anteriorità per', 'prior art searches for'],
    ],
    equipment: [
      ['spazi di coworking', 'coworking spaces'], ['aula attrezzata per la formazione', 'equipped training room'], ['fab lab', 'fab lab'],
      ['sala riunioni con videoconferenza', 'videoconference meeting room'],
    ],
    problems: [
      ['difficoltà ad accedere ai finanziamenti', 'difficulty accessing funding'], ['mancanza di personale qualificato', 'a shortage of qualified staff'],
      ['idee che non diventano prodotti', 'ideas that never become products'], ['concorrenti che copiano i prodotti', 'competitors copying products'],
    ],
    goals: [
      ['partecipare a un bando europeo', 'bid for a European call'], ['brevettare un\'invenzione', 'patent an invention'],
      ['trovare un partner di ricerca', 'find a research partner'], ['formare i tecnici interni', 'train in-house technicians'],
      ['usare il credito d\'imposta per ricerca e sviluppo', 'use the R&D tax credit'],
    ],
    standards: ['UNI 11814', 'ISO 56002', 'UNI EN 16555'],
    acronyms: ['R&D', 'TRL', 'PMI', 'SME', 'EIC', 'PNRR', 'IP'],
    labs: ['Sportello Innovazione', 'Incubatore', 'Ufficio Trasferimento Tecnologico', 'Academy'],
    companyWords: ['Consulting', 'Innovazione', 'Servizi', 'Partners', 'Lab'],
  },
];

/** Qualifiers that can end any title. */
export const QUALIFIERS: Pair[] = [
  ['per le PMI', 'for SMEs'], ['secondo norme ISO e UNI', 'to ISO and UNI standards'], ['in laboratorio accreditato', 'in an accredited laboratory'],
  ['su scala pilota', 'at pilot scale'], ['con rapporto di prova rapido', 'with a fast test report'], ['per la filiera toscana', 'for the Tuscan supply chain'],
  ['in ambiente controllato', 'in a controlled environment'], ['presso l\'azienda', 'at the company\'s site'], ['per l\'export', 'for export markets'],
  ['a basso impatto ambientale', 'with low environmental impact'], ['per prodotti innovativi', 'for innovative products'],
];

/** Equipment specifications that can follow an instrument's name. */
export const SPECS: Pair[] = [
  ['da 50 kN', '50 kN'], ['da 250 kN', '250 kN'], ['ad alta risoluzione', 'high-resolution'], ['portatile', 'portable'],
  ['automatico', 'automatic'], ['a doppia colonna', 'twin-column'], ['con software dedicato', 'with dedicated software'],
  ['di ultima generazione', 'latest-generation'],
];

/** Audiences used in descriptions. */
export const AUDIENCES: Pair[] = [
  ['piccole e medie imprese', 'small and medium-sized firms'], ['aziende manifatturiere', 'manufacturers'], ['startup', 'startups'],
  ['enti pubblici', 'public bodies'], ['studi di progettazione', 'design firms'], ['grandi gruppi industriali', 'large industrial groups'],
  ['imprese artigiane', 'craft businesses'], ['consorzi di imprese', 'business consortia'],
];

export const TOWNS: { town: string; province: string }[] = [
  { town: 'Lucca', province: 'LU' }, { town: 'Capannori', province: 'LU' }, { town: 'Porcari', province: 'LU' }, { town: 'Viareggio', province: 'LU' },
  { town: 'Pisa', province: 'PI' }, { town: 'Pontedera', province: 'PI' }, { town: 'Santa Croce sull\'Arno', province: 'PI' },
  { town: 'Firenze', province: 'FI' }, { town: 'Empoli', province: 'FI' }, { town: 'Sesto Fiorentino', province: 'FI' },
  { town: 'Prato', province: 'PO' }, { town: 'Pistoia', province: 'PT' }, { town: 'Siena', province: 'SI' }, { town: 'Poggibonsi', province: 'SI' },
  { town: 'Colle di Val d\'Elsa', province: 'SI' }, { town: 'Radicondoli', province: 'SI' }, { town: 'Livorno', province: 'LI' }, { town: 'Cecina', province: 'LI' },
  { town: 'Piombino', province: 'LI' }, { town: 'Massa', province: 'MS' }, { town: 'Carrara', province: 'MS' }, { town: 'Arezzo', province: 'AR' },
  { town: 'Grosseto', province: 'GR' }, { town: 'Larderello', province: 'PI' }, { town: 'Montepulciano', province: 'SI' },
];

export const STREETS = ['via Roma', 'via della Chiesa', 'viale Europa', 'via dell\'Industria', 'via Galilei', 'via Fermi', 'via del Porto',
  'via Aurelia', 'via Puccini', 'piazza Garibaldi', 'via delle Cartiere', 'via Leonardo da Vinci', 'via Mazzini', 'via Volta'];

export const FIRST_NAMES_F = ['Giulia', 'Francesca', 'Chiara', 'Sara', 'Elena', 'Martina', 'Valentina', 'Alessandra', 'Silvia', 'Federica',
  'Laura', 'Paola', 'Anna', 'Marta', 'Irene', 'Beatrice', 'Caterina', 'Elisa', 'Lucia', 'Roberta', 'Ilaria', 'Cristina'];
export const FIRST_NAMES_M = ['Marco', 'Luca', 'Andrea', 'Alessandro', 'Matteo', 'Lorenzo', 'Francesco', 'Stefano', 'Giovanni', 'Paolo',
  'Simone', 'Davide', 'Riccardo', 'Fabio', 'Massimo', 'Roberto', 'Filippo', 'Tommaso', 'Jacopo', 'Niccolò', 'Pietro', 'Gabriele'];
export const SURNAMES = ['Rossi', 'Bianchi', 'Pardini', 'Bertolucci', 'Lazzerini', 'Giannini', 'Martinelli', 'Bini', 'Baldi', 'Guidi',
  'Mariotti', 'Lenzi', 'Cecchi', 'Fabbri', 'Innocenti', 'Benvenuti', 'Niccolai', 'Pieri', 'Salvadori', 'Marchetti', 'Tognetti',
  'Del Carlo', 'Mazzoni', 'Bargagli', 'Ricci', 'Fontana', 'Santini', 'Galli', 'Nardi', 'Turini', 'Poli', 'Bacci', 'Puccinelli',
  'Franceschini', 'Cappelli', 'Dell\'Innocenti', 'Vannucci', 'Orsini', 'Parenti', 'Landi'];

/** [Italian (male), Italian (female), English] */
export const ROLES: readonly [string, string, string][] = [
  ['Responsabile del laboratorio', 'Responsabile del laboratorio', 'Head of laboratory'],
  ['Ricercatore senior', 'Ricercatrice senior', 'Senior researcher'],
  ['Tecnico di laboratorio', 'Tecnica di laboratorio', 'Laboratory technician'],
  ['Project manager', 'Project manager', 'Project manager'],
  ['Direttore tecnico', 'Direttrice tecnica', 'Technical director'],
  ['Professore associato', 'Professoressa associata', 'Associate professor'],
  ['Consulente per l\'innovazione', 'Consulente per l\'innovazione', 'Innovation consultant'],
  ['Assegnista di ricerca', 'Assegnista di ricerca', 'Research fellow'],
  ['Responsabile qualità', 'Responsabile qualità', 'Quality manager'],
];

/** Organisation name patterns by kind; {D} is the domain label (it), {W} a company word, {T} a town, {S} a surname. */
export const ORG_PATTERNS: Record<'centre' | 'company' | 'university' | 'research_body' | 'association', Pair[]> = {
  centre: [['Centro Servizi {D} {T}', 'Centro Servizi {D} {T}'], ['Polo Tecnologico {T}', 'Polo Tecnologico {T}'], ['Centro Ricerche {S}', 'Centro Ricerche {S}']],
  company: [['{S} {W} S.r.l.', '{S} {W} S.r.l.'], ['{W} {T} S.p.A.', '{W} {T} S.p.A.'], ['{S} & {S2} {W}', '{S} & {S2} {W}']],
  university: [['Dipartimento di Ingegneria – Università di {T}', 'Dipartimento di Ingegneria – Università di {T}'], ['Laboratorio Congiunto {D} – Università di {T}', 'Laboratorio Congiunto {D} – Università di {T}']],
  research_body: [['Istituto di Ricerca {D} – sede di {T}', 'Istituto di Ricerca {D} – sede di {T}'], ['Fondazione {S} per la Ricerca', 'Fondazione {S} per la Ricerca']],
  association: [['Consorzio {D} {T}', 'Consorzio {D} {T}'], ['Associazione Imprese {D}', 'Associazione Imprese {D}']],
};

/**
 * Description sentences: {M} method, {S}/{S2}/{S3} subjects, {E} equipment, {STD} a standard, {G} a goal, {P} a problem,
 * {A} an audience, {N} a number of days, {L} the domain label, {ORG} the organisation's short name, {LAB} a lab.
 */
export const SENTENCES: Pair[] = [
  ['{ORG} esegue {M} {S} secondo {STD}, con rapporto di prova entro {N} giorni lavorativi.', '{ORG} performs {M} {S} to {STD}, with a test report within {N} working days.'],
  ['Aiutiamo {A} a {G}.', 'We help {A} {G}.'],
  ['Il servizio è pensato per chi deve affrontare problemi come {P}.', 'The service is meant for firms facing problems such as {P}.'],
  ['Disponiamo di {E} e di personale con esperienza pluriennale nel settore {L}.', 'We have {E} and staff with many years of experience in the {L} sector.'],
  ['Le attività si svolgono in collaborazione con le università e i centri di ricerca della rete.', 'The work is carried out with the universities and research centres of the network.'],
  ['Tra le applicazioni tipiche: {S}, {S2} e {S3}.', 'Typical applications include {S}, {S2} and {S3}.'],
  ['I risultati possono essere usati per la certificazione di prodotto e la marcatura CE.', 'Results can support product certification and CE marking.'],
  ['Su richiesta si effettuano prove personalizzate e campagne di misura presso l\'azienda.', 'Custom tests and on-site measurement campaigns are available on request.'],
  ['Il gruppo ha partecipato a progetti regionali ed europei su {S} e {S2}.', 'The team has taken part in regional and European projects on {S} and {S2}.'],
  ['L\'attività si svolge presso {LAB}, dove è possibile anche {G}.', 'The work takes place at {LAB}, which can also help firms {G}.'],
  ['Negli ultimi anni abbiamo seguito oltre {N0} aziende del settore {L}.', 'In recent years we have worked with more than {N0} companies in the {L} sector.'],
  ['Un caso tipico: un\'azienda con {P} che voleva {G}.', 'A typical case: a company with {P} that wanted to {G}.'],
];

/** Sentences used only for equipment descriptions. */
export const EQUIPMENT_SENTENCES: Pair[] = [
  ['Lo strumento è installato presso {LAB} ed è prenotabile dalle imprese della rete.', 'The instrument is installed at {LAB} and can be booked by network companies.'],
  ['Permette {M} {S} secondo {STD}.', 'It allows {M} {S} to {STD}.'],
  ['È disponibile con il supporto di un tecnico per prove su {S} e {S2}.', 'It is available with a technician for tests on {S} and {S2}.'],
  ['La strumentazione è stata acquistata con fondi regionali e viene tarata ogni anno.', 'The instrument was bought with regional funds and is calibrated every year.'],
];

/** Long, problem-like queries; {P} problem, {M} method (no preposition needed), {S} subject, {G} goal, {T} town. */
export const LONG_QUERIES: Pair[] = [
  ['abbiamo un problema di {P} e cerchiamo un laboratorio che faccia {M} {S} vicino a {T}', 'we have a problem with {P} and need a lab that can do {M} {S} near {T}'],
  ['cerco un centro che possa aiutarci a {G} nella nostra azienda di {S}', 'looking for a centre that can help us {G} in our {S} business'],
  ['la nostra piccola impresa vuole {G}: chi offre {M} {S} con tempi rapidi?', 'our small company wants to {G}: who offers {M} {S} quickly?'],
  ['serve un esperto di {S} per capire le cause di {P} nella produzione', 'we need an expert in {S} to understand the causes of {P} in production'],
  ['quale laboratorio della rete può fare {M} {S} secondo {STD} per un cliente estero', 'which network lab can do {M} {S} to {STD} for a foreign customer'],
];
