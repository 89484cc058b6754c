package org.landrelease.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The browser half of {@code bench-tiles}: opens the web client in headless chromium and moves the map along a fixed
 * path, timing each step until the map is settled, and counting animation frames longer than 50 ms meanwhile. It
 * lives among the tests so that Selenium stays a test dependency: bench-tiles starts it as a main class in a JVM of
 * its own, on the test class path that {@code mvn package} writes to target/test-classpath.txt.
 *
 * <p>Settled means, for a quiet window with nothing of the following: no animation frame for 100 ms (the page is
 * not drawing, or has not drawn since the move), a fetch or XMLHttpRequest of the page open, a
 * resource (tile, image, script) finishing, the map element's data-loading flag (the GeoJSON client), a Leaflet grid
 * layer loading tiles or an animation running, or a MapLibre map not loaded or with tiles pending. The step's time is
 * from the move to the end of the last of them; the quiet window only confirms it. It works for the Leaflet client
 * as it is (GeoJSON by box) and for a client on vector tiles, Leaflet or MapLibre, without knowing which.
 *
 * <p>Arguments: URL OUT.json PASSES STEP... where STEP is name:lat,lon,zoom (Leaflet zoom: 256-pixel tiles).
 */
public final class BenchTilesBrowser {
  private static final int WIDTH = 1280, HEIGHT = 800;
  /** Longer than the client's debounce (250 ms) after the move's animation (250 ms): no early "settled". */
  private static final int QUIET_MS = 600;
  private static final int STEP_TIMEOUT_MS = 60_000;

  /** Installed once after the page loads: request and frame bookkeeping, and the test for "busy". */
  private static final String INSTRUMENT = """
      const b = window.__bench = { pending: 0, lastActivity: 0, gaps: [], frames: 0, requests: 0, bytes: 0,
        tileRequests: 0, failed: 0, running: false, t0: 0, lastFrame: 0 };
      performance.setResourceTimingBufferSize(100000);
      const touch = () => { b.lastActivity = performance.now(); };
      const realFetch = window.fetch;
      window.fetch = function (...args) {
        b.pending++; touch();
        return realFetch.apply(this, args)
          .then((res) => { if (!res.ok && res.status !== 304 && b.running) b.failed++; return res; },
            (err) => { if (b.running && err?.name !== 'AbortError') b.failed++; throw err; })
          .finally(() => { b.pending--; touch(); });
      };
      const send = XMLHttpRequest.prototype.send;
      XMLHttpRequest.prototype.send = function (...args) {
        b.pending++; touch();
        this.addEventListener('loadend', () => {
          b.pending--; touch();
          if (b.running && (this.status === 0 || this.status >= 400)) b.failed++;
        });
        return send.apply(this, args);
      };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          b.lastActivity = Math.max(b.lastActivity, e.responseEnd || (e.startTime + e.duration));
          if (b.running && e.startTime >= b.t0) {
            b.requests++;
            b.bytes += e.transferSize || e.encodedBodySize || 0;
            if (/\\/tiles\\//.test(e.name)) b.tileRequests++;
          }
        }
      }).observe({ type: 'resource', buffered: false });
      let last = performance.now();
      const frame = (t) => {
        if (b.running) { b.frames++; b.gaps.push(t - last); }
        last = t;
        b.lastFrame = performance.now();
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      b.busy = () => {
        // no frame for 100 ms: the page is not drawing (a long task, or a huge SVG to raster), and a move asked for
        // has not even started (Leaflet starts its animation in the next frame)
        if (performance.now() - b.lastFrame > 100 || b.lastFrame < b.t0) return 'render';
        if (b.pending > 0) return 'request';
        const el = document.getElementById('map');
        if (el && el.dataset.loading === 'true') return 'loading';
        const m = window.landrelease && window.landrelease.map;
        if (!m) return null;
        const gl = (g) => g && typeof g.loaded === 'function'
          && (!g.loaded() || (typeof g.areTilesLoaded === 'function' && !g.areTilesLoaded())
            || (typeof g.isMoving === 'function' && g.isMoving()));
        if (gl(m)) return 'maplibre';
        if (m._animatingZoom || (m._panAnim && m._panAnim._inProgress)) return 'animation';
        let busy = null;
        if (typeof m.eachLayer === 'function') {
          m.eachLayer((l) => {
            if (typeof l.isLoading === 'function' && l.isLoading()) busy = 'tiles';
            if (typeof l.getMaplibreMap === 'function' && gl(l.getMaplibreMap())) busy = 'maplibre';
          });
        }
        return busy;
      };
      return typeof (window.landrelease && window.landrelease.map && window.landrelease.map.setView) === 'function'
        ? 'leaflet' : 'maplibre';
      """;

  /** One step: move, then poll every 10 ms until QUIET_MS passed since the last activity. */
  private static final String STEP = """
      const [lat, lon, zoom, quietMs, timeoutMs, done] = arguments;
      const b = window.__bench, m = window.landrelease.map;
      const t0 = performance.now();
      Object.assign(b, { t0, running: true, gaps: [], frames: 0, requests: 0, bytes: 0, tileRequests: 0, failed: 0 });
      if (typeof m.setView === 'function') m.setView([lat, lon], zoom, { animate: true });
      else m.easeTo({ center: [lon, lat], zoom: zoom - 1, duration: 250 });
      let lastBusy = performance.now(), reason = null;
      const finish = (timedOut) => {
        b.running = false;
        const end = Math.max(lastBusy, b.lastActivity);
        const long = b.gaps.filter((g) => g > 50);
        done({ settleMs: (timedOut ? performance.now() : end) - t0, timedOut, lastReason: reason,
          frames: b.frames, longFrames: long.length, maxFrameGapMs: Math.max(0, ...b.gaps),
          droppedFrames: b.gaps.reduce((s, g) => s + Math.max(0, Math.round(g / (1000 / 60)) - 1), 0),
          requests: b.requests, tileRequests: b.tileRequests, failedRequests: b.failed, kilobytes: b.bytes / 1024 });
      };
      const check = () => {
        const now = performance.now(), busy = b.busy();
        if (busy) { lastBusy = now; reason = busy; }
        if (now - Math.max(lastBusy, b.lastActivity) >= quietMs) return finish(false);
        if (now - t0 > timeoutMs) return finish(true);
        setTimeout(check, 10);
      };
      setTimeout(check, 0);
      """;

  private BenchTilesBrowser() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    Path out = Path.of(args[1]);
    int passes = Integer.parseInt(args[2]);
    List<String> steps = List.of(args).subList(3, args.length);
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode result = mapper.createObjectNode();
    ChromeDriver driver = Browser.start(WIDTH, HEIGHT);
    try {
      driver.manage().timeouts().scriptTimeout(java.time.Duration.ofMillis(STEP_TIMEOUT_MS + 10_000));
      long t0 = System.nanoTime();
      Browser.open(driver, url);
      result.put("openMs", (System.nanoTime() - t0) / 1e6);
      result.put("client", (String) Browser.js(driver, INSTRUMENT));
      result.put("browser", String.valueOf(driver.getCapabilities().getBrowserVersion()));
      result.put("viewport", WIDTH + "x" + HEIGHT);
      ArrayNode all = result.putArray("passes");
      for (int p = 1; p <= passes; p++) {
        ArrayNode pass = all.addArray();
        for (String step : steps) {
          String[] nameAndView = step.split(":", 2);
          String[] v = nameAndView[1].split(",");
          @SuppressWarnings("unchecked")
          Map<String, Object> r = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(STEP,
              Double.parseDouble(v[0]), Double.parseDouble(v[1]), Integer.parseInt(v[2]), QUIET_MS, STEP_TIMEOUT_MS);
          ObjectNode s = mapper.valueToTree(r);
          s.put("name", nameAndView[0]);
          s.put("zoom", Integer.parseInt(v[2]));
          pass.add(s);
          System.out.printf("  pass %d, %-28s z%-2s settled after %6.0f ms%s; %3d requests (%d tiles, %d failed),"
              + " %6.0f KB; %d frames, %d over 50 ms (longest %.0f ms)%n", p, nameAndView[0], v[2],
              s.path("settleMs").asDouble(), s.path("timedOut").asBoolean() ? " (TIMED OUT)" : "",
              s.path("requests").asInt(), s.path("tileRequests").asInt(), s.path("failedRequests").asInt(),
              s.path("kilobytes").asDouble(),
              s.path("frames").asInt(), s.path("longFrames").asInt(), s.path("maxFrameGapMs").asDouble());
        }
      }
      Browser.screenshot(driver, "bench-tiles-last-step");
      List<Object> errors = Browser.pageErrors(driver);
      result.putPOJO("pageErrors", errors);
    } finally {
      Browser.quit(driver);
    }
    mapper.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
  }
}
