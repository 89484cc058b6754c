package org.landrelease.http;

import io.javalin.http.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.landrelease.files.FileFormat;
import org.landrelease.files.Upload;
import org.landrelease.service.CountryService;

/**
 * /api/countries: the countries of the ledger, and loading or replacing one's regions (the file is the raw request
 * body, as for /api/zonings; dryRun=true stores nothing and shows the regions, their areas and what is wrong).
 */
final class CountryResource {
  private final CountryService countries;

  CountryResource(CountryService countries) {
    this.countries = countries;
  }

  void list(Context ctx) throws Exception {
    HttpApi.allowOnly(ctx, Set.of());
    ctx.json(countries.list());
  }

  void get(Context ctx) throws Exception {
    HttpApi.allowOnly(ctx, Set.of());
    ctx.json(countries.detail(ctx.pathParam("code")));
  }

  void load(Context ctx) throws Exception {
    HttpApi.allowOnly(ctx, Set.of("name", "nameUk", "synthetic", "source", "codeField", "nameField", "nameUkField",
        "countryField", "format", "layer", "dryRun"));
    if (ctx.req().getContentLengthLong() > TransferResource.MAX_IMPORT_BYTES) {
      throw Upload.tooLarge(TransferResource.MAX_IMPORT_BYTES);
    }
    Path tmp = Files.createTempFile("country-", ".upload");
    try {
      Upload.save(ctx.req().getInputStream(), tmp, TransferResource.MAX_IMPORT_BYTES);
      String formatName = ctx.queryParam("format");
      FileFormat format = formatName == null ? FileFormat.sniff(tmp) : FileFormat.named(formatName);
      boolean dryRun = TransferResource.booleanParam(ctx, "dryRun");
      var report = countries.load(tmp, new CountryService.LoadRequest(ctx.pathParam("code"), ctx.queryParam("name"),
          ctx.queryParam("nameUk"), TransferResource.booleanParam(ctx, "synthetic"), ctx.queryParam("source"),
          format, ctx.queryParam("layer"), orElse(ctx.queryParam("codeField"), "code"),
          orElse(ctx.queryParam("nameField"), "name"),
          ctx.queryParam("nameUkField"), ctx.queryParam("countryField"), dryRun), Access.account(ctx));
      ctx.status(dryRun ? 200 : 201).json(report);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The fields default to those of our own files (code, name), as the CLI's do. */
  private static String orElse(String value, String otherwise) {
    return value == null || value.isBlank() ? otherwise : value;
  }
}
