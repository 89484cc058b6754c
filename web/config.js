// Settings of the web client. The client works with no internet: the base layer is the region boundaries served
// by the ledger itself. To add an online background map, set tileUrl to a tile server you are allowed to use,
// e.g. 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' with its attribution; it then appears in the layer
// control, switched off unless tileOn is true.
export default {
  tileUrl: null,
  tileAttribution: '',
  tileMaxZoom: 19,
  tileOn: false,
  /** Cache the client and the last figures in the browser (a service worker) so that it reloads offline. */
  offlineCache: true,
  /** Seconds between attempts to send the offline queue while events wait in it. */
  queueRetrySeconds: 30,
};
