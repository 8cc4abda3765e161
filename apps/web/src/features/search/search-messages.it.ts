/** Italian for the answers given while the search index is being prepared after a start. */
export const searchIt = {
  'search.provisional.title': 'Risultati provvisori',
  'search.provisional.body':
    'La ricerca completa si sta preparando dopo un riavvio del servizio. Intanto vedi le schede che contengono tutte le parole cercate, nell’ordine in cui sono state inserite: senza ordinamento per pertinenza, correzione degli errori di battitura né conteggi dei filtri. Fra qualche minuto i risultati saranno completi.',
  'search.provisional.refresh': 'Aggiorna i risultati',
  'error.unavailable':
    'Il servizio si sta avviando e questa funzione non è ancora pronta. Riprova fra qualche secondo.',
} as const;
