/**
 * The sentence that says what the last action on a page did ("Tappa aggiunta", "Firmato"): a polite live region that
 * is always in the page, so screen readers hear each new sentence, and shows as a success alert once it has one.
 */
export function StatusLine({ said }: { said: string }) {
  return (
    <div role="status" className={said ? 'alert alert-success' : 'visually-hidden'}>
      {said}
    </div>
  );
}
