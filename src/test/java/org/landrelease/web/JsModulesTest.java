package org.landrelease.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.landrelease.http.TestServer;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The client's own logic, run in the headless browser as the page runs it (the modules under web/js are imported
 * as they are served), with the answers checked here: formatting, CSV, the offline queue, GeoJSON reading, the
 * event form's rules, the sign-in state, the reviewers' requests and what their panel writes.
 */
class JsModulesTest {
  static TestServer server;
  static ChromeDriver driver;

  @BeforeAll
  static void start() throws Exception {
    Browser.require();
    server = new TestServer();
    server.fund(); // the partners a field account is bound to
    driver = Browser.start(1280, 800);
    // any same-origin document will do: the tests import the modules themselves
    driver.get(server.base() + "/favicon.svg");
  }

  @AfterAll
  static void stop() {
    Browser.quit(driver, server);
  }

  /** Runs the body of an async function in the page; it may use the imported modules F, C, Q, G, E, A, R, H, T. */
  static JsonNode run(String body) throws Exception {
    String script = """
        const done = arguments[arguments.length - 1];
        (async () => {
          const [F, C, Q, G, E, A, R, H, T] = await Promise.all(['/js/format.js', '/js/csv.js', '/js/queue.js',
            '/js/geo.js', '/js/event.js', '/js/auth.js', '/js/review.js', '/js/reviewhtml.js', '/js/tiledata.js']
            .map((m) => import(m)));
          const memory = () => { const m = new Map(); return { getItem: (k) => m.has(k) ? m.get(k) : null,
            setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k), map: m }; };
          const reply = (status, body) => new Response(JSON.stringify(body), { status,
            headers: { 'Content-Type': 'application/json' } });
        """ + body + """
        })().then((v) => done(JSON.stringify(v === undefined ? null : v)),
          (e) => done(JSON.stringify({ error: String(e && e.stack || e) })));
        """;
    String out = (String) ((JavascriptExecutor) driver).executeAsyncScript(script);
    JsonNode json = TestServer.JSON.readTree(out);
    if (json != null && json.has("error")) {
      fail("the script failed: " + json.get("error").asText());
    }
    return json;
  }

  @Test
  void km2AreFormattedWithGroupingAndDecimalsThatSuitTheSize() throws Exception {
    JsonNode r = run("""
        return [F.formatKm2(125600.021641), F.formatKm2(0.370616), F.formatKm2(0.001234), F.formatKm2(0),
          F.formatKm2(-1e-9), F.formatKm2(1234.5, { unit: false, digits: 1 }), F.formatKm2(null), F.formatKm2(NaN)];
        """);
    assertEquals("125,600.02 km²", r.get(0).asText());
    assertEquals("0.3706 km²", r.get(1).asText());
    assertEquals("0.001234 km²", r.get(2).asText());
    assertEquals("0.00 km²", r.get(3).asText());
    assertEquals("0.00 km²", r.get(4).asText(), "a rounding residue never prints as -0");
    assertEquals("1,234.5", r.get(5).asText());
    assertEquals("–", r.get(6).asText());
    assertEquals("–", r.get(7).asText());
  }

  @Test
  void hectaresAndAreasShowBothUnits() throws Exception {
    JsonNode r = run("""
        return [F.km2ToHa(1.5), F.formatHa(37.06), F.formatArea(0.370616, 37.06), F.formatArea(2.5),
          F.formatHa(12345.678)];
        """);
    assertEquals(150.0, r.get(0).asDouble(), 1e-12);
    assertEquals("37.06 ha", r.get(1).asText());
    assertEquals("0.3706 km² (37.06 ha)", r.get(2).asText());
    assertEquals("2.50 km² (250.00 ha)", r.get(3).asText());
    assertEquals("12,345.68 ha", r.get(4).asText());
  }

  @Test
  void sharesDatesAndLabels() throws Exception {
    JsonNode r = run("""
        return [F.formatShare(20245.411174, 26310.273334), F.formatShare(1, 0), F.formatShare(0.001, 100),
          F.formatShare(0, 100), F.formatMonth('2024-03'), F.formatMonth('2024-13'), F.formatDate('2024-03-05'),
          F.daysBetween('2024-01-01', '2024-03-01'), F.addDays('2024-02-28', 1), F.todayUtc(new Date(Date.UTC(2025, 0, 31, 23, 30))),
          F.label('NON_TECHNICAL_SURVEY'), F.label('UNKNOWN'), F.escapeHtml('<a href="x">&\\'')];
        """);
    assertEquals("76.9 %", r.get(0).asText());
    assertEquals("–", r.get(1).asText());
    assertEquals("<0.1 %", r.get(2).asText());
    assertEquals("0.0 %", r.get(3).asText());
    assertEquals("Mar 2024", r.get(4).asText());
    assertEquals("2024-13", r.get(5).asText());
    assertEquals("5 Mar 2024", r.get(6).asText());
    assertEquals(60, r.get(7).asInt());
    assertEquals("2024-02-29", r.get(8).asText());
    assertEquals("2025-01-31", r.get(9).asText());
    assertEquals("Non-technical survey", r.get(10).asText());
    assertEquals("UNKNOWN", r.get(11).asText());
    assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", r.get(12).asText());
  }

  @Test
  void csvCellsAreQuotedAndFormulasDefused() throws Exception {
    JsonNode r = run("""
        return [C.csvCell('a,b'), C.csvCell('say "hi"'), C.csvCell('line\\nbreak'), C.csvCell('=SUM(A1)'),
          C.csvCell('-2'), C.csvCell(-1.5), C.csvCell(null), C.csvCell(Infinity), C.csvCell('plain'),
          C.grantReportFileName('NL/HALO 2024', '2025-01-31')];
        """);
    assertEquals("\"a,b\"", r.get(0).asText());
    assertEquals("\"say \"\"hi\"\"\"", r.get(1).asText());
    assertEquals("\"line\nbreak\"", r.get(2).asText());
    assertEquals("'=SUM(A1)", r.get(3).asText());
    assertEquals("'-2", r.get(4).asText(), "text that looks like a formula is defused");
    assertEquals("-1.5", r.get(5).asText(), "numbers are written as numbers");
    assertEquals("", r.get(6).asText());
    assertEquals("", r.get(7).asText());
    assertEquals("plain", r.get(8).asText());
    assertEquals("grant-NL_HALO_2024-report-2025-01-31.csv", r.get(9).asText());
  }

  @Test
  void grantReportCsvHasATotalThenRegionsThenMonths() throws Exception {
    JsonNode r = run("""
        const report = { grant: { id: 'NL-HALO', donor: 'Netherlands', partner: 'HALO' }, releasedKm2: 3.5,
          cancelledKm2: 1, reducedKm2: 2, clearedKm2: 0.5,
          byRegion: [{ key: 'UA-63', km2: 3.5, cancelledKm2: 1, reducedKm2: 2, clearedKm2: 0.5 }],
          byMonth: [{ key: '2024-03', km2: 3, cancelledKm2: 1, reducedKm2: 2, clearedKm2: 0 },
                    { key: '2024-05', km2: 0.5, cancelledKm2: 0, reducedKm2: 0, clearedKm2: 0.5 }],
          events: [] };
        return C.grantReportCsv(report, { 'UA-63': 'Kharkiv, "East"' });
        """);
    assertEquals("grant,donor,partner,section,key,name,releasedKm2,cancelledKm2,reducedKm2,clearedKm2\r\n"
        + "NL-HALO,Netherlands,HALO,total,all,,3.5,1,2,0.5\r\n"
        + "NL-HALO,Netherlands,HALO,region,UA-63,\"Kharkiv, \"\"East\"\"\",3.5,1,2,0.5\r\n"
        + "NL-HALO,Netherlands,HALO,month,2024-03,,3,1,2,0\r\n"
        + "NL-HALO,Netherlands,HALO,month,2024-05,,0.5,0,0,0.5\r\n", r.asText());
  }

  @Test
  void queueKeepsOneEntryPerClientIdAndSurvivesDamagedStorage() throws Exception {
    JsonNode r = run("""
        const storage = memory();
        const q = new Q.OfflineQueue({ storage, fetch: async () => { throw new Error('not called'); } });
        const seen = [];
        q.subscribe((n) => seen.push(n));
        q.enqueue({ id: 'a', type: 'CLEARANCE', notes: 'first' });
        q.enqueue({ id: 'b', type: 'CLEARANCE' });
        q.enqueue({ id: 'a', type: 'CLEARANCE', notes: 'second' });
        let missingId = null;
        try { q.enqueue({ type: 'CLEARANCE' }); } catch (e) { missingId = e.message; }
        const damaged = memory();
        damaged.setItem(Q.QUEUE_KEY, '{not json');
        const q2 = new Q.OfflineQueue({ storage: damaged, fetch: async () => null });
        return { size: q.size(), ids: q.list().map((e) => e.id), notes: q.list().map((e) => e.notes ?? null),
          seen, missingId, damagedSize: q2.size() };
        """);
    assertEquals(2, r.get("size").asInt());
    assertEquals("[\"b\",\"a\"]", r.get("ids").toString(), "a re-queued id moves to the end with its new body");
    assertEquals("[null,\"second\"]", r.get("notes").toString());
    assertEquals("[1,2,2]", r.get("seen").toString());
    assertTrue(r.get("missingId").asText().contains("client id"));
    assertEquals(0, r.get("damagedSize").asInt());
  }

  @Test
  void flushSendsTheBatchAndSortsTheAnswers() throws Exception {
    JsonNode r = run("""
        const storage = memory();
        const calls = [];
        const fetch = async (url, init) => {
          const events = JSON.parse(init.body);
          calls.push({ url, method: init.method, ids: events.map((e) => e.id) });
          return reply(200, { created: 1, replayed: 1, refused: 1, results: [
            { index: 0, id: events[0].id, status: 201, result: {} },
            { index: 1, id: events[1].id, status: 200, result: {} },
            { index: 2, id: events[2].id, status: 422, problem: { status: 422, detail: 'self-intersection' } },
            { index: 3, id: events[3].id, status: 500, problem: { status: 500, detail: 'logged' } }] });
        };
        const q = new Q.OfflineQueue({ storage, fetch });
        ['e1', 'e2', 'e3', 'e4'].forEach((id) => q.enqueue({ id }));
        const s = await q.flush();
        return { s, calls, left: q.list().map((e) => e.id), refused: q.refused().map((x) => [x.event.id,
          x.problem.detail]) };
        """);
    JsonNode s = r.get("s");
    assertEquals(4, s.get("sent").asInt());
    assertEquals(1, s.get("created").asInt());
    assertEquals(1, s.get("replayed").asInt());
    assertEquals(1, s.get("refused").asInt());
    assertEquals(1, s.get("kept").asInt());
    assertEquals(1, r.get("calls").size());
    assertEquals("/api/events/batch", r.get("calls").get(0).get("url").asText());
    assertEquals("POST", r.get("calls").get(0).get("method").asText());
    assertEquals("[\"e1\",\"e2\",\"e3\",\"e4\"]", r.get("calls").get(0).get("ids").toString());
    assertEquals("[\"e4\"]", r.get("left").toString(), "a server error keeps the event for the next try");
    assertEquals("[[\"e3\",\"self-intersection\"]]", r.get("refused").toString());
  }

  @Test
  void flushKeepsEverythingWhenTheNetworkIsDownAndSendsInChunks() throws Exception {
    JsonNode r = run("""
        const storage = memory();
        let up = false;
        const sizes = [];
        const fetch = async (url, init) => {
          if (!up) throw new TypeError('Failed to fetch');
          const events = JSON.parse(init.body);
          sizes.push(events.length);
          return reply(200, { results: events.map((e, index) => ({ index, id: e.id, status: 201 })) });
        };
        const q = new Q.OfflineQueue({ storage, fetch, batchSize: 2 });
        ['a', 'b', 'c'].forEach((id) => q.enqueue({ id }));
        const down = await q.flush();
        const sizeWhileDown = q.size();
        up = true;
        const [one, two] = await Promise.all([q.flush(), q.flush()]);
        const again = await q.flush();
        return { down, sizeWhileDown, one, same: one === two, sizes, after: q.size(), again,
          stored: storage.getItem(Q.QUEUE_KEY) };
        """);
    assertEquals("network", r.get("down").get("error").asText());
    assertEquals(3, r.get("sizeWhileDown").asInt());
    assertTrue(r.get("same").asBoolean(), "concurrent flushes share one run");
    assertEquals("[2,1]", r.get("sizes").toString(), "one request per batchSize events");
    assertEquals(3, r.get("one").get("created").asInt());
    assertEquals(0, r.get("after").asInt());
    assertEquals(0, r.get("again").get("sent").asInt());
    assertTrue(r.get("stored").isNull());
  }

  @Test
  void submitQueuesOnlyWhenTheServiceWasNotReached() throws Exception {
    JsonNode r = run("""
        const storage = memory();
        const q = new Q.OfflineQueue({ storage, fetch: async () => null });
        const ev = (id) => ({ id, type: 'CLEARANCE' });
        const offline = await Q.submitEvent(ev('o'), { fetch: async () => { throw new Error('not called'); },
          queue: q, online: false });
        const network = await Q.submitEvent(ev('n'), { fetch: async () => { throw new TypeError('Failed to fetch'); },
          queue: q });
        const gateway = await Q.submitEvent(ev('g'), { fetch: async () => reply(503, {}), queue: q });
        const refused = await Q.submitEvent(ev('r'), { fetch: async () => reply(422, { status: 422,
          detail: 'Self-intersection', coordinate: [36.05, 48.05] }), queue: q });
        let sent = null;
        const created = await Q.submitEvent(ev('c'), { fetch: async (url, init) => { sent = [url, init.method,
          JSON.parse(init.body).id]; return reply(201, { id: 'c', releasedKm2: 1 }); }, queue: q });
        return { offline, network, gateway, refused, created, sent, queued: q.list().map((e) => e.id) };
        """);
    assertEquals("offline", r.get("offline").get("reason").asText());
    assertEquals("network", r.get("network").get("reason").asText());
    assertEquals("status 503", r.get("gateway").get("reason").asText());
    assertFalse(r.get("refused").get("queued").asBoolean());
    assertEquals(422, r.get("refused").get("status").asInt());
    assertEquals("Self-intersection", r.get("refused").get("body").get("detail").asText());
    assertEquals(201, r.get("created").get("status").asInt());
    assertEquals("[\"/api/events\",\"POST\",\"c\"]", r.get("sent").toString());
    assertEquals("[\"o\",\"n\",\"g\"]", r.get("queued").toString());
  }

  @Test
  void aMissingOrRefusedTokenNeverDropsQueuedEvents() throws Exception {
    JsonNode r = run("""
        const storage = memory();
        let token = null;
        let status = 401;
        const auths = [];
        const fetch = async (url, init) => {
          auths.push(init.headers.Authorization ?? null);
          if (status !== 200) return reply(status, { type: 'https://landrelease.org/problems/token-required',
            status, detail: 'POST /api/events/batch needs a bearer token' });
          const events = JSON.parse(init.body);
          return reply(200, { results: events.map((e, index) => index === 0
            ? { index, id: e.id, status: 403, problem: { status: 403, detail: 'submits for partner HALO only' } }
            : { index, id: e.id, status: 201, result: { status: 'SUBMITTED' } }) });
        };
        const q = new Q.OfflineQueue({ storage, fetch, token: () => token });
        ['drc', 'halo'].forEach((id) => q.enqueue({ id }));
        const anonymous = await q.flush();
        const afterAnonymous = q.list().map((e) => e.id);
        token = 'lr_field';
        status = 403;
        const forbidden = await q.flush();
        status = 200;
        const sent = await q.flush();
        return { anonymous, afterAnonymous, forbidden, sent, left: q.list().map((e) => e.id),
          refused: q.refused().length, auths };
        """);
    JsonNode anonymous = r.get("anonymous");
    assertEquals("unauthorized", anonymous.get("error").asText());
    assertEquals(401, anonymous.get("problem").get("status").asInt());
    assertEquals(2, anonymous.get("kept").asInt());
    assertEquals(0, anonymous.get("refused").asInt());
    assertEquals("[\"drc\",\"halo\"]", r.get("afterAnonymous").toString(), "a 401 refuses the sender, not the events");
    assertEquals("forbidden", r.get("forbidden").get("error").asText());
    assertEquals(2, r.get("forbidden").get("kept").asInt());
    JsonNode sent = r.get("sent");
    assertEquals(1, sent.get("created").asInt());
    assertEquals(1, sent.get("notAllowed").asInt(), "an event this account may not send waits for one that may");
    assertEquals(0, sent.get("refused").asInt());
    assertEquals(403, sent.get("problems").get(0).get("status").asInt());
    assertEquals("[\"drc\"]", r.get("left").toString());
    assertEquals(0, r.get("refused").asInt());
    assertEquals("[null,\"Bearer lr_field\",\"Bearer lr_field\"]", r.get("auths").toString());
  }

  @Test
  void submitSendsTheTokenAndLeavesA401ToTheCaller() throws Exception {
    JsonNode r = run("""
        const q = new Q.OfflineQueue({ storage: memory(), fetch: async () => null });
        let auth = 'unset';
        const created = await Q.submitEvent({ id: 'c' }, { queue: q, token: 'lr_abc', fetch: async (url, init) => {
          auth = init.headers.Authorization; return reply(201, { id: 'c', status: 'SUBMITTED' }); } });
        let anonymousAuth = 'unset';
        const anonymous = await Q.submitEvent({ id: 'a' }, { queue: q, fetch: async (url, init) => {
          anonymousAuth = init.headers.Authorization ?? null; return reply(401, { status: 401, detail: 'needs a token' }); } });
        return { created, auth, anonymous, anonymousAuth, queued: q.size() };
        """);
    assertEquals("Bearer lr_abc", r.get("auth").asText());
    assertEquals("SUBMITTED", r.get("created").get("body").get("status").asText());
    assertTrue(r.get("anonymousAuth").isNull());
    assertEquals(401, r.get("anonymous").get("status").asInt());
    assertFalse(r.get("anonymous").get("queued").asBoolean());
    assertEquals(0, r.get("queued").asInt());
  }

  @Test
  void signInKeepsOnlyATokenTheServiceKnows() throws Exception {
    String field = server.token("field-js", org.landrelease.domain.Role.FIELD, "HALO", null);
    JsonNode r = run("""
        const storage = memory();
        const auth = A.createAuth({ storage, fetch: (...a) => window.fetch(...a) });
        const seen = [];
        auth.subscribe((a) => seen.push(a ? a.name : null));
        const wrong = await auth.signIn('lr_wrong');
        const afterWrong = auth.token();
        const right = await auth.signIn(arguments[0]);
        const headers = auth.headers({ Accept: 'application/json' });
        const described = A.describeAccount(auth.account);
        auth.signOut();
        const offlineAuth = A.createAuth({ storage: memory(), fetch: async () => { throw new TypeError('Failed to fetch'); } });
        const offline = await offlineAuth.signIn('lr_kept');
        return { wrong, afterWrong, right, headers, described, after: auth.token(), stored: storage.getItem(A.TOKEN_KEY),
          seen, offline, offlineToken: offlineAuth.token(), offlineNote: offlineAuth.note,
          invalid: A.isInvalidToken(wrong.problem), donor: A.describeAccount({ name: 'donor-nl', role: 'DONOR',
          donor: 'Netherlands' }), admin: A.describeAccount({ name: 'root', role: 'ADMIN' }) };
        """.replace("arguments[0]", "'" + field + "'"));
    assertEquals(401, r.get("wrong").get("status").asInt());
    assertTrue(r.get("invalid").asBoolean(), "the service says the token is not valid");
    assertTrue(r.get("afterWrong").isNull(), "a refused token is not kept");
    assertEquals("field-js", r.get("right").get("account").get("name").asText());
    assertEquals("Bearer " + field, r.get("headers").get("Authorization").asText());
    assertEquals("application/json", r.get("headers").get("Accept").asText());
    assertEquals("field-js (FIELD, HALO)", r.get("described").asText());
    assertTrue(r.get("after").isNull());
    assertTrue(r.get("stored").isNull(), "signing out forgets the token");
    assertEquals("[\"field-js\",null]", r.get("seen").toString());
    assertTrue(r.get("offline").get("offline").asBoolean());
    assertEquals("lr_kept", r.get("offlineToken").asText(), "offline, the token is kept to be checked later");
    assertTrue(r.get("offlineNote").asText().contains("cannot be reached"));
    assertEquals("donor-nl (DONOR, Netherlands)", r.get("donor").asText());
    assertEquals("root (ADMIN)", r.get("admin").asText());
  }

  @Test
  void uuidsAreVersion4EvenWithoutRandomUUID() throws Exception {
    JsonNode r = run("""
        const fallback = Q.uuid({ getRandomValues: (a) => crypto.getRandomValues(a) });
        return [Q.uuid(), fallback, Q.uuid() === Q.uuid()];
        """);
    String v4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    assertTrue(r.get(0).asText().matches(v4), r.get(0).asText());
    assertTrue(r.get(1).asText().matches(v4), r.get(1).asText());
    assertFalse(r.get(2).asBoolean());
  }

  @Test
  void shareClassesAndTheRegionUnderAPoint() throws Exception {
    JsonNode r = run("""
        const ring = (x, y, d) => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
        const holed = { type: 'Polygon', coordinates: [ring(30, 48, 4), ring(31, 49, 1)] };
        const multi = { type: 'MultiPolygon', coordinates: [[ring(30, 48, 1)], [ring(35, 48, 1)]] };
        return [G.shareClass(0), G.shareClass(0.005), G.shareClass(0.3), G.shareClass(0.7695), G.shareClass(-1),
          G.geometryContains(holed, 30.5, 48.5), G.geometryContains(holed, 31.5, 49.5),
          G.geometryContains(holed, 34.5, 48.5), G.geometryContains(multi, 35.5, 48.5),
          G.geometryContains(multi, 33, 48.5), G.geometryContains(null, 30, 48)];
        """);
    assertEquals(0, r.get(0).asInt());
    assertEquals(1, r.get(1).asInt());
    assertEquals(5, r.get(2).asInt());
    assertEquals(6, r.get(3).asInt());
    assertEquals(0, r.get(4).asInt());
    assertTrue(r.get(5).asBoolean(), "inside the outer ring");
    assertFalse(r.get(6).asBoolean(), "in the hole");
    assertFalse(r.get(7).asBoolean(), "outside");
    assertTrue(r.get(8).asBoolean(), "in the second part");
    assertFalse(r.get(9).asBoolean(), "between the parts");
    assertFalse(r.get(10).asBoolean());
  }

  @Test
  void tileUrlsCarryOnlyTheFiltersGivenAndDeepTilesDrawFromTheirAncestor() throws Exception {
    JsonNode r = run("""
        const deep = T.sourceTile({ x: 158739, y: 88977, z: 18 }, 16);
        return { url: T.tileUrl('/tiles/releases/{z}/{x}/{y}.mvt', { x: 9921, y: 5561, z: 14 },
            { asOf: '2024-04-01', grant: undefined, partner: '' }),
          plain: T.tileUrl('/tiles/hazards/{z}/{x}/{y}.mvt', { x: 1, y: 2, z: 8 }, {}),
          same: T.sourceTile({ x: 5, y: 6, z: 12 }, 16), deep, part: T.sourceWindow(deep, 256),
          at: T.toSourcePixels(deep, 256, 128, 64),
          wrapped: [T.wrapTileX(-1, 8), T.wrapTileX(256, 8), T.wrapTileX(7, 8)],
          dropped: [T.droppedCount('12'), T.droppedCount(null), T.droppedCount('x'), T.droppedCount('-3')],
          dash: [T.dashPattern('4 3'), T.dashPattern(null)] };
        """);
    assertEquals("/tiles/releases/14/9921/5561.mvt?asOf=2024-04-01", r.get("url").asText(), "no empty parameter");
    assertEquals("/tiles/hazards/8/1/2.mvt", r.get("plain").asText());
    assertEquals(1, r.get("same").get("k").asInt(), "up to zoom 16 a tile is its own source");
    assertEquals(12, r.get("same").get("z").asInt());
    JsonNode deep = r.get("deep");
    assertEquals(16, deep.get("z").asInt());
    assertEquals(158739 / 4, deep.get("x").asInt());
    assertEquals(88977 / 4, deep.get("y").asInt());
    assertEquals(4, deep.get("k").asInt());
    assertEquals(158739 % 4, deep.get("ox").asInt());
    assertEquals(88977 % 4, deep.get("oy").asInt());
    assertEquals("[192,64,256,128]", r.get("part").toString(), "a quarter of a quarter of the ancestor");
    assertEquals(192 + 32, r.get("at").get(0).asDouble(), 1e-9);
    assertEquals(64 + 16, r.get("at").get(1).asDouble(), 1e-9);
    assertEquals("[255,0,7]", r.get("wrapped").toString());
    assertEquals("[12,0,0,0]", r.get("dropped").toString());
    assertEquals("[[4,3],[]]", r.get("dash").toString());
  }

  @Test
  void aClickHitsThePolygonUnderItButNotItsHoleAndClipEdgesAreNotOutlines() throws Exception {
    JsonNode r = run("""
        const P = (x, y) => ({ x, y });
        const sq = (x, y, d) => [P(x, y), P(x + d, y), P(x + d, y + d), P(x, y + d), P(x, y)];
        // extent 4096 drawn on 256 pixels: 16 units a pixel
        const holed = { id: 7, properties: { id: 7 },
          ...T.toTilePixels([sq(0, 0, 1600), sq(400, 400, 800)], 4096, 256) };
        const small = { id: 8, properties: { id: 8 }, ...T.toTilePixels([sq(3200, 3200, 16)], 4096, 256) };
        // a polygon the service clipped at the tile's buffer (64 units beyond each edge)
        const clipped = T.toTilePixels([[P(-64, 2000), P(1000, 2000), P(1000, 4160), P(-64, 4160), P(-64, 2000)]],
          4096, 256);
        const ids = (hits) => hits.map((f) => f.id);
        return { bbox: holed.bbox, inside: ids(T.featuresAtPoint([holed, small], 10, 10, 256)),
          hole: ids(T.featuresAtPoint([holed, small], 50, 50, 256)),
          nearSmall: ids(T.featuresAtPoint([holed, small], 203, 200, 256, 4)),
          farFromSmall: ids(T.featuresAtPoint([holed, small], 220, 220, 256, 4)),
          clipEdges: [T.isClipEdge(-4, 125, -4, 260, 256), T.isClipEdge(-4, 260, 62.5, 260, 256),
            T.isClipEdge(62.5, 125, 62.5, 260, 256), T.isClipEdge(0, 0, 0, 10, 256)],
          edgeDistance: T.distanceToEdges(clipped.rings, 1, 200, 256),
          hazard: T.hazardFromTile({ classification: 'CHA', hazardTypes: 'AP_MINE,UXO', regions: 'UA-63' }, 12),
          release: T.releaseFromTile({ outcome: 'cleared', hazardId: 12, grant: '' }),
          keys: [T.releaseKey({ id: 5, properties: {} }), T.releaseKey({ properties: { id: 6 } }),
            T.releaseKey({ properties: { eventId: 'e', hazardId: 1, region: 'UA-63', outcome: 'cleared' } })] };
        """);
    assertEquals("[0,0,100,100]", r.get("bbox").toString());
    assertEquals("[7]", r.get("inside").toString());
    assertEquals("[]", r.get("hole").toString(), "a hole is not the polygon");
    assertEquals("[8]", r.get("nearSmall").toString(), "a one-pixel field is hit within 4 pixels of its outline");
    assertEquals("[]", r.get("farFromSmall").toString());
    assertEquals("[true,true,false,true]", r.get("clipEdges").toString(),
        "edges along or beyond the tile's sides are the clipping's, the one inside is the polygon's");
    assertEquals(61.5, r.get("edgeDistance").asDouble(), 1e-9, "the nearest outline is the real one at x = 62.5");
    JsonNode hazard = r.get("hazard");
    assertEquals(12, hazard.get("id").asInt(), "the feature id is the hazard id");
    assertEquals("[\"AP_MINE\",\"UXO\"]", hazard.get("hazardTypes").toString());
    assertEquals("[\"UA-63\"]", hazard.get("regions").toString());
    assertFalse(r.get("release").has("grant"), "an empty grant is no grant");
    assertEquals("[5,6,\"e/1/UA-63/cleared\"]", r.get("keys").toString());
  }

  @Test
  void uploadedGeoJsonYieldsOnePolygonalGeometry() throws Exception {
    JsonNode r = run("""
        const sq = (x) => [[[x, 48], [x + 1, 48], [x + 1, 49], [x, 49], [x, 48]]];
        const fc = { type: 'FeatureCollection', features: [
          { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: sq(30) } },
          { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [sq(32), sq(34)] } }] };
        const err = (f) => { try { f(); return null; } catch (e) { return e.message; } };
        return { one: G.extractPolygonal({ type: 'Feature', geometry: { type: 'Polygon', coordinates: sq(30) } }),
          many: G.extractPolygonal(fc), vertices: G.countVertices(G.extractPolygonal(fc)),
          point: err(() => G.extractPolygonal({ type: 'Point', coordinates: [30, 48] })),
          empty: err(() => G.extractPolygonal({ type: 'FeatureCollection', features: [] })),
          notJson: err(() => G.parsePolygonalGeoJson('{"type": ')),
          noType: err(() => G.parsePolygonalGeoJson('[1, 2]')) };
        """);
    assertEquals("Polygon", r.get("one").get("type").asText());
    assertEquals("MultiPolygon", r.get("many").get("type").asText());
    assertEquals(3, r.get("many").get("coordinates").size());
    assertEquals(15, r.get("vertices").asInt());
    assertTrue(r.get("point").asText().contains("Point"), r.get("point").asText());
    assertTrue(r.get("empty").asText().contains("no Polygon"), r.get("empty").asText());
    assertTrue(r.get("notJson").asText().contains("not valid JSON"), r.get("notJson").asText());
    assertTrue(r.get("noType").asText().contains("no \"type\""), r.get("noType").asText());
  }

  @Test
  void theFormSendsOnlyTheFieldsOfItsTypeAndChecksWhatTheBrowserCan() throws Exception {
    JsonNode r = run("""
        const geometry = { type: 'Polygon', coordinates: [[[36, 49], [36.1, 49], [36.1, 49.1], [36, 49]]] };
        const grants = [{ id: 'NL-HALO', partner: 'HALO', donor: 'NL', start: '2023-01-01', end: '2025-12-31' },
          { id: 'NL-DRC', partner: 'DRC', donor: 'NL', start: '2024-01-01', end: '2024-12-31' }];
        const base = { partner: 'HALO', date: '2024-05-01', geometry, grant: 'NL-HALO' };
        const clearance = E.buildEvent({ ...base, type: 'CLEARANCE', method: 'MANUAL', classification: 'SHA',
          hazardTypes: ['UXO'], devicesFound: { AP_MINE: '3', UXO: '0', AT_MINE: '' }, notes: '  strip  ',
          landUse: 'AGRICULTURE' },
          { id: 'x', today: '2025-01-01', grants });
        const report = E.buildEvent({ ...base, type: 'HAZARD_REPORT', classification: 'CHA', hazardTypes: ['UXO',
          'AP_MINE'], method: 'MANUAL', landUse: 'FOREST' }, { id: 'y', today: '2025-01-01', grants });
        const fields = (x) => x.errors.map((e) => e.field);
        return { clearance: clearance.event, report: report.event,
          missing: fields(E.buildEvent({ type: 'CLEARANCE' }, { id: 'z', today: '2025-01-01' })),
          future: fields(E.buildEvent({ ...base, type: 'NON_TECHNICAL_SURVEY' }, { id: 'z', today: '2024-04-30' })),
          otherPartner: fields(E.buildEvent({ ...base, type: 'TECHNICAL_SURVEY', grant: 'NL-DRC' },
            { id: 'z', today: '2025-01-01', grants })),
          uncovered: E.buildEvent({ ...base, date: '2022-06-01', type: 'TECHNICAL_SURVEY' },
            { id: 'z', today: '2025-01-01', grants }).errors.map((e) => e.message),
          grantsOfHalo: E.grantsFor(grants, 'HALO', '2026-01-01').map((g) => [g.id, g.covers]),
          shown: E.fieldsFor('CLEARANCE'), reportShown: E.fieldsFor('HAZARD_REPORT'),
          unrecorded: E.buildEvent({ ...base, type: 'TECHNICAL_SURVEY', landUse: '' },
            { id: 'z', today: '2025-01-01', grants }).event,
          badLandUse: fields(E.buildEvent({ ...base, type: 'TECHNICAL_SURVEY', landUse: 'FARMLAND' },
            { id: 'z', today: '2025-01-01', grants })) };
        """);
    JsonNode c = r.get("clearance");
    assertEquals("CLEARANCE", c.get("type").asText());
    assertEquals("MANUAL", c.get("method").asText());
    assertFalse(c.has("classification"), "a clearance carries no classification");
    assertFalse(c.has("hazardTypes"));
    assertEquals("{\"AP_MINE\":3}", c.get("devicesFound").toString());
    assertEquals("strip", c.get("notes").asText());
    assertEquals("NL-HALO", c.get("grant").asText());
    assertEquals("x", c.get("id").asText());
    assertEquals("AGRICULTURE", c.get("landUse").asText());
    assertFalse(r.get("report").has("landUse"), "a hazard report carries no land use");
    assertFalse(r.get("unrecorded").has("landUse"), "an empty choice is not recorded, not sent");
    assertEquals("[\"landUse\"]", r.get("badLandUse").toString());
    assertTrue(r.get("shown").get("landUse").asBoolean());
    assertFalse(r.get("reportShown").get("landUse").asBoolean());
    JsonNode h = r.get("report");
    assertEquals("CHA", h.get("classification").asText());
    assertEquals("[\"AP_MINE\",\"UXO\"]", h.get("hazardTypes").toString());
    assertFalse(h.has("method"));
    assertEquals("[\"partner\",\"date\",\"method\",\"geometry\"]", r.get("missing").toString());
    assertEquals("[\"date\"]", r.get("future").toString());
    assertEquals("[\"grant\"]", r.get("otherPartner").toString());
    assertTrue(r.get("uncovered").get(0).asText().contains("2023-01-01"));
    assertEquals("[[\"NL-HALO\",false]]", r.get("grantsOfHalo").toString());
    assertTrue(r.get("shown").get("method").asBoolean());
    assertFalse(r.get("shown").get("classification").asBoolean());
  }
  @Test
  void reviewDecisionsCarryTheTokenAndABatchIsSentInChunksTheServiceTakes() throws Exception {
    JsonNode r = run("""
        const sent = [];
        const fetch = async (url, init) => {
          sent.push({ url, method: init.method, auth: init.headers.Authorization ?? null, body: init.body ?? null });
          if (url === '/api/reviews') {
            const d = JSON.parse(init.body).decisions;
            return reply(200, { results: d.map((x, i) => i % 2 === 1 ? { index: i, event: x.event, status: 409,
              problem: { title: 'Conflict', status: 409, detail: 'decided elsewhere' } }
              : { index: i, event: x.event, status: 200, result: { releasedKm2: 0.5 } }) });
          }
          if (url.endsWith('/approve')) {
            return reply(409, { title: 'Conflict', status: 409, detail: 'event a/b is APPROVED, not SUBMITTED' });
          }
          return reply(200, url.startsWith('/api/events?') ? { events: [] } : { status: 'REJECTED' });
        };
        const client = R.createReviewClient({ fetch, headers: (x) => ({ ...x, Authorization: 'Bearer lr_r' }) });
        await client.queue('7');
        let conflict = null;
        try { await client.approve('a/b'); } catch (err) {
          conflict = { status: err.status, decided: R.isAlreadyDecided(err), message: err.message };
        }
        let noReason = null;
        try { await client.reject('x', '  '); } catch (err) { noReason = err.status; }
        await client.reject('x', ' wrong village ');
        const ids = Array.from({ length: 1001 }, (_, i) => `e${i}`);
        const out = await client.approveAll(ids);
        return { sent: sent.map((s) => [s.url, s.method, s.auth]), rejectBody: sent[2].body,
          batchSizes: sent.slice(3).map((s) => JSON.parse(s.body).decisions.length),
          firstDecision: JSON.parse(sent[3].body).decisions[0], conflict, noReason,
          approved: out.approved.length, refused: out.refused.length, firstRefused: out.refused[0],
          last: out.approved[out.approved.length - 1].id,
          access: [R.reviewAccess({ role: 'REVIEWER' }), R.reviewAccess({ role: 'ADMIN' }),
            R.reviewAccess({ role: 'FIELD' }), R.reviewAccess(null)],
          changed: [R.changedArea({ releasedKm2: -0.2 }), R.changedArea({ addedKm2: 1 }), R.changedArea({})] };
        """);
    JsonNode sent = r.get("sent");
    assertEquals("[\"/api/events?status=SUBMITTED&limit=100&cursor=7\",\"GET\",\"Bearer lr_r\"]",
        sent.get(0).toString());
    assertEquals("[\"/api/events/a%2Fb/approve\",\"POST\",\"Bearer lr_r\"]", sent.get(1).toString());
    assertEquals(409, r.get("conflict").get("status").asInt());
    assertTrue(r.get("conflict").get("decided").asBoolean());
    assertEquals("event a/b is APPROVED, not SUBMITTED", r.get("conflict").get("message").asText());
    assertEquals(400, r.get("noReason").asInt(), "a blank reason is refused before sending");
    assertEquals("[\"/api/events/x/reject\",\"POST\",\"Bearer lr_r\"]", sent.get(2).toString());
    assertEquals("{\"reason\":\"wrong village\"}", r.get("rejectBody").asText());
    assertEquals("[1000,1]", r.get("batchSizes").toString(), "at most 1,000 decisions per request");
    assertEquals("{\"event\":\"e0\",\"decision\":\"APPROVE\"}", r.get("firstDecision").toString());
    assertEquals(501, r.get("approved").asInt());
    assertEquals(500, r.get("refused").asInt());
    assertEquals("e1", r.get("firstRefused").get("id").asText());
    assertEquals(409, r.get("firstRefused").get("status").asInt());
    assertEquals("decided elsewhere", r.get("firstRefused").get("problem").get("detail").asText());
    assertEquals("e1000", r.get("last").asText(), "the answers keep the order the events were sent in");
    assertEquals("[\"decide\",\"read\",null,null]", r.get("access").toString());
    assertEquals("[[\"Released\",-0.2],[\"Added\",1],null]", r.get("changed").toString());
  }

  @Test
  void theReviewPanelEscapesWhatTheFieldTeamWrote() throws Exception {
    JsonNode r = run("""
        const ev = { id: 'x"y', type: 'CLEARANCE', date: '2024-05-01', partner: '<b>P</b>', grant: null,
          submittedBy: '"><img src=x>', footprintKm2: 0.5, sequence: 3 };
        const row = H.queueRowHtml(ev, true);
        const readOnly = H.queueRowHtml(ev, false);
        const batch = H.batchHtml({ approved: [], refused: [{ id: 'x"y', status: 409,
          problem: { title: 'Conflict', detail: '<script>' } }] }, 1, () => ev);
        return { row, readOnly, batch, name: H.describeEvent(ev) };
        """);
    String row = r.get("row").asText();
    assertFalse(row.contains("<b>") || row.contains("<img"), row);
    assertTrue(row.contains("&lt;b&gt;P&lt;/b&gt;") && row.contains("&quot;&gt;&lt;img src=x&gt;"), row);
    assertTrue(row.contains("data-event-id=\"x&quot;y\""), row);
    assertTrue(row.contains("review-approve") && row.contains("review-reason-text"), "a reviewer decides");
    assertFalse(r.get("readOnly").asText().contains("review-approve"), "an administrator only reads");
    assertFalse(r.get("batch").asText().contains("<script>"), r.get("batch").asText());
    assertTrue(r.get("batch").asText().contains("Already decided by someone else"));
    assertEquals("Clearance of 1 May 2024 by <b>P</b>", r.get("name").asText(), "plain text, escaped when written");
  }

  /** The client's modules as served: file name → source. */
  static Map<String, String> modules() throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("web/js"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".js")).toList()) {
        out.put(f.getFileName().toString(), Files.readString(f));
      }
    }
    assertTrue(out.size() > 10, "the client's modules are found under web/js: " + out.keySet());
    return out;
  }

  static List<String> modulesMatching(Map<String, String> modules, String regex) {
    Pattern p = Pattern.compile(regex);
    return modules.entrySet().stream().filter(m -> p.matcher(m.getValue()).find()).map(Map.Entry::getKey).toList();
  }

  @Test
  void oneModuleReadsAnswerBodiesAndTheOthersImportIt() throws Exception {
    Map<String, String> modules = modules();
    assertEquals(List.of("response.js"), modulesMatching(modules, "function\\s+readJson\\b"),
        "readJson is written once");
    assertEquals(List.of("response.js"), modulesMatching(modules, "try\\s*\\{[^}]*\\.json\\(\\)[^}]*\\}\\s*catch"),
        "no module reads a body that may not be JSON in its own try/catch");
    for (String user : modulesMatching(modules, "\\breadJson\\(")) {
      if (user.equals("response.js")) continue;
      assertTrue(modules.get(user).contains("import { readJson } from './response.js';"),
          user + " imports readJson from response.js");
    }
    assertTrue(modulesMatching(modules, "\\breadJson\\(").size() >= 5, "api, auth, queue, review and tiles use it");
  }

  @Test
  void oneRuleSignsOutARevokedToken() throws Exception {
    Map<String, String> modules = modules();
    // the message itself is in the language files (ui.signin.invalidToken); one module names it
    assertEquals(List.of("auth.js"), modulesMatching(modules, "ui\\.signin\\.invalidToken"), "the message is written once");
    assertEquals(List.of("auth.js"), modulesMatching(modules, "signOut\\([^)]"),
        "only auth.js signs out with a reason; the others call forgetIfRevoked");
    assertEquals(List.of("api.js", "app.js", "auth.js", "reviewpanel.js"),
        modulesMatching(modules, "forgetIfRevoked\\("));
    JsonNode r = run("""
        const invalid = { type: 'https://landrelease.org/problems/invalid-token', status: 401 };
        const signedIn = () => { const storage = memory(); storage.setItem(A.TOKEN_KEY, 'lr_kept');
          return A.createAuth({ storage, fetch: async () => { throw new TypeError('unused'); } }); };
        const cases = {};
        for (const [name, status, problem, sent] of [['revoked', 401, invalid, undefined],
            ['missing', 401, { type: 'https://landrelease.org/problems/unauthorized', status: 401 }, undefined],
            ['forbidden', 403, invalid, undefined], ['noBody', 401, null, undefined],
            ['otherTokenSent', 401, invalid, 'lr_old']]) {
          const auth = signedIn();
          const out = auth.forgetIfRevoked(status, problem, sent);
          cases[name] = { out, token: auth.token(), note: auth.note };
        }
        const P = await import('/js/response.js');
        const bodies = [await P.readJson(new Response('{"detail":"x"}', { status: 422 })),
          await P.readJson(new Response('<html>Bad gateway</html>', { status: 502 })),
          await P.readJson(new Response(null, { status: 204 }))];
        return { cases, note: A.INVALID_TOKEN_NOTE, bodies };
        """);
    JsonNode revoked = r.get("cases").get("revoked");
    assertTrue(revoked.get("out").asBoolean());
    assertTrue(revoked.get("token").isNull(), "a revoked token is forgotten");
    assertEquals("The saved token is no longer valid (unknown or revoked): sign in again.",
        revoked.get("note").asText());
    assertEquals(r.get("note").asText(), revoked.get("note").asText());
    for (String kept : List.of("missing", "forbidden", "noBody", "otherTokenSent")) {
      JsonNode c = r.get("cases").get(kept);
      assertFalse(c.get("out").asBoolean(), kept);
      assertEquals("lr_kept", c.get("token").asText(), kept + ": the token stays");
      assertEquals("", c.get("note").asText(), kept);
    }
    assertEquals("{\"detail\":\"x\"}", r.get("bodies").get(0).toString());
    assertTrue(r.get("bodies").get(1).isNull(), "an HTML error page is no problem body");
    assertTrue(r.get("bodies").get(2).isNull(), "nor is an empty answer");
  }

  @Test
  void thePhoneBreakpointIsWrittenOnceInTheStylesheet() throws Exception {
    Map<String, String> modules = modules();
    assertEquals(List.of(), modulesMatching(modules, "(max|min)-width"), "no module repeats a width query");
    assertEquals(List.of("app.js", "map.js", "reviewpanel.js"), modulesMatching(modules, "isPhoneLayout\\(\\)"));
    String css = Files.readString(Path.of("web/css/app.css"));
    Matcher m = Pattern.compile("@media[^{]*max-width:\\s*(\\d+)px\\)\\s*\\{\\s*:root\\s*\\{\\s*--layout:\\s*phone")
        .matcher(css);
    assertTrue(m.find(), "the phone media query sets --layout: phone");
    assertEquals(1, Pattern.compile("max-width:\\s*\\d+px\\)").matcher(css).results().count(),
        "one width breakpoint in the stylesheet");
  }

  @Test
  void theServiceWorkerKeepsEveryModuleForOfflineUse() throws Exception {
    String sw = Files.readString(Path.of("web/sw.js"));
    for (String module : modules().keySet()) {
      assertTrue(sw.contains("'/js/" + module + "'"), "sw.js caches /js/" + module);
    }
  }
}
