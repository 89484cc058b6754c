package org.landrelease.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.landrelease.domain.LedgerException;
import org.landrelease.files.FileFormat;
import org.landrelease.files.Upload;
import org.landrelease.service.transfer.ExportService;
import org.landrelease.service.transfer.ImportReport;
import org.landrelease.service.transfer.ImportService;

/**
 * POST /api/imports: the file is the raw request body (streamed to a temporary file, at most MAX_IMPORT_BYTES), the
 * mapping and options are query parameters. GET /api/exports: a layer as a file download.
 */
final class TransferResource {
  static final long MAX_IMPORT_BYTES = 100L * 1024 * 1024;
  private final ImportService imports;
  private final ExportService exports;
  private final ObjectMapper mapper;
  private final CountryParam country;

  TransferResource(ImportService imports, ExportService exports, ObjectMapper mapper, CountryParam country) {
    this.imports = imports;
    this.exports = exports;
    this.mapper = mapper;
    this.country = country;
  }

  void importFile(Context ctx) throws Exception {
    HttpApi.allowOnly(ctx, Set.of("format", "mapping", "dryRun", "layer", "crs"));
    if (ctx.req().getContentLengthLong() > MAX_IMPORT_BYTES) {
      throw Upload.tooLarge(MAX_IMPORT_BYTES);
    }
    String mappingText = ctx.queryParam("mapping");
    if (mappingText == null || mappingText.isBlank()) {
      throw LedgerException.badRequest("missing-parameter", "'mapping' is required: a JSON object such as "
          + "{\"type\":{\"const\":\"CLEARANCE\"},\"date\":{\"column\":\"clr_date\"},\"partner\":{\"const\":\"HALO\"}}")
              .with("transfer.mappingRequired");
    }
    JsonNode mapping;
    try {
      mapping = mapper.readTree(mappingText);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw LedgerException.badRequest("invalid-mapping", "'mapping' is not JSON: " + e.getOriginalMessage())
          .with("transfer.mappingNotJson", "reason", e.getOriginalMessage());
    }
    boolean dryRun = booleanParam(ctx, "dryRun");
    Path tmp = Files.createTempFile("import-", ".upload");
    try {
      Upload upload = Upload.save(ctx.req().getInputStream(), tmp, MAX_IMPORT_BYTES);
      String formatName = ctx.queryParam("format");
      FileFormat format = formatName == null ? FileFormat.sniff(tmp) : FileFormat.named(formatName);
      ImportReport report = imports.run(tmp, upload.sha256(), new ImportService.ImportRequest(format, mapping,
          dryRun, ctx.queryParam("layer"), ctx.queryParam("crs")), Access.account(ctx), ImportService.Progress.NONE);
      // each refused feature's reason in the reader's language, as a posted event's problem would be
      ProblemTexts texts = ProblemTexts.of(ctx);
      ctx.json(report.withDetails(p -> texts.detail(p.detail(), p.message())));
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  void exportFile(Context ctx) throws Exception {
    HttpApi.allowOnly(ctx, Set.of("layer", "format", "asOf", "partner", "grant", "region", CountryParam.NAME));
    String layer = ctx.queryParam("layer");
    if (layer == null) {
      throw LedgerException.badRequest("missing-parameter", "'layer' is required: hazards, releases, events or "
          + "regions").with("transfer.layerRequired");
    }
    String format = ctx.queryParam("format");
    ExportService.ExportRequest request = new ExportService.ExportRequest(ExportService.layer(layer),
        format == null ? FileFormat.GEOJSON : FileFormat.named(format), HttpApi.dateParam(ctx, "asOf"),
        blankToNull(ctx.queryParam("partner")), blankToNull(ctx.queryParam("grant")),
        blankToNull(ctx.queryParam("region")), country.of(ctx));
    Path tmp = Files.createTempFile("export-", request.format().suffix());
    try {
      Files.delete(tmp); // the writers create the file (a GeoPackage must not exist yet)
      exports.export(request, tmp);
      ctx.contentType(request.format().contentType());
      ctx.header("Content-Disposition", "attachment; filename=\"" + ExportService.fileName(request) + "\"");
      ctx.header("Content-Length", String.valueOf(Files.size(tmp)));
      ctx.result(new DeleteOnClose(tmp));
    } catch (Exception e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  static boolean booleanParam(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty() || v.equals("false")) {
      return false;
    }
    if (v.equals("true")) {
      return true;
    }
    throw LedgerException.badRequest("invalid-parameter", "'" + name + "' must be true or false, got '" + v + "'")
        .with("request.notABoolean", "name", name, "got", v);
  }

  /** The export file, streamed to the client and deleted once sent. */
  private static final class DeleteOnClose extends FilterInputStream {
    private final Path file;

    DeleteOnClose(Path file) throws IOException {
      super(Files.newInputStream(file));
      this.file = file;
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        Files.deleteIfExists(file);
      }
    }
  }

}
