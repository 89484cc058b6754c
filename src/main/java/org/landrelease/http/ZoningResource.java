package org.landrelease.http;

import io.javalin.http.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.landrelease.domain.LedgerException;
import org.landrelease.files.FileFormat;
import org.landrelease.files.Upload;
import org.landrelease.service.ZoningService;

/**
 * /api/zonings: load (the file is the raw request body, as for /api/imports; dryRun=true stores nothing), list,
 * show and delete the zonings that pieces are split by.
 */
final class ZoningResource {
  private final ZoningService zonings;

  ZoningResource(ZoningService zonings) {
    this.zonings = zonings;
  }

  void load(Context ctx) throws Exception {
    HttpApi.allowOnly(ctx, Set.of("title", "synthetic", "source", "codeField", "nameField", "classField", "format",
        "layer", "dryRun"));
    if (ctx.req().getContentLengthLong() > TransferResource.MAX_IMPORT_BYTES) {
      throw Upload.tooLarge(TransferResource.MAX_IMPORT_BYTES);
    }
    String name = ctx.pathParam("name");
    Path tmp = Files.createTempFile("zoning-", ".upload");
    try {
      Upload.save(ctx.req().getInputStream(), tmp, TransferResource.MAX_IMPORT_BYTES);
      String formatName = ctx.queryParam("format");
      FileFormat format = formatName == null ? FileFormat.sniff(tmp) : FileFormat.named(formatName);
      boolean dryRun = TransferResource.booleanParam(ctx, "dryRun");
      var report = zonings.load(tmp, new ZoningService.LoadRequest(name, ctx.queryParam("title"),
          TransferResource.booleanParam(ctx, "synthetic"), ctx.queryParam("source"), format,
          ctx.queryParam("layer"), ctx.queryParam("codeField"), ctx.queryParam("nameField"),
          ctx.queryParam("classField"), dryRun), Access.account(ctx), ZoningService.Progress.NONE);
      ctx.status(dryRun ? 200 : 201).json(report);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  void list(Context ctx) throws Exception {
    HttpApi.allowOnly(ctx, Set.of());
    ctx.json(zonings.list());
  }

  void get(Context ctx) throws Exception {
    HttpApi.allowOnly(ctx, Set.of());
    ctx.json(zonings.detail(ctx.pathParam("name")));
  }

  void delete(Context ctx) throws Exception {
    HttpApi.allowOnly(ctx, Set.of());
    zonings.delete(ctx.pathParam("name"));
    ctx.status(204);
  }

  /** The zoning parameter of a figure by zone: required, and a loaded zoning (404 otherwise, from the service). */
  static String zoningParam(Context ctx) {
    String zoning = ctx.queryParam("zoning");
    if (zoning == null || zoning.isBlank()) {
      throw LedgerException.badRequest("missing-parameter", "'zoning' is required: the name of a loaded zoning"
          + " (GET /api/zonings lists them)").with("zoning.zoningRequired");
    }
    return zoning;
  }
}
