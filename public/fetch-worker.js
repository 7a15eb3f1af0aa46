// Downloads the map's files for the page (src/ui/fetch_worker.rs), off its main thread: a
// response's body handed to the page is a long task of the browser's own (four megabytes of
// dataset, about 150 ms on a phone), where a body read here costs the page only a transferred
// buffer. One message per file, answered with the same id:
//   in:  { id, url, base, max }  (url relative to the page's base; max: refuse larger bodies)
//   out: { id, status, bytes? , announced?, error? }
onmessage = async ({ data: { id, url, base, max } }) => {
  try {
    const response = await fetch(new URL(url, base));
    if (!response.ok) {
      postMessage({ id, status: response.status });
      return;
    }
    // Refused before the download, where the server says the size.
    const announced = Number(response.headers.get("content-length") ?? 0);
    if (announced > max) {
      response.body?.cancel();
      postMessage({ id, status: response.status, announced });
      return;
    }
    const bytes = await response.arrayBuffer();
    postMessage({ id, status: response.status, bytes }, [bytes]);
  } catch (error) {
    postMessage({ id, error: String(error) });
  }
};
