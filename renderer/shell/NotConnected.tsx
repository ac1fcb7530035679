// Shown in a browser opened without the harness's access token: the page cannot reach any case data.
export function NotConnected() {
  return (
    <main className="not-connected" id="main">
      <h1>Parley is not connected</h1>
      <p>
        This page needs the address that <code>npm run web</code> printed when it started: it carries a one-time access token. Open that
        address, or start the harness again.
      </p>
    </main>
  );
}
