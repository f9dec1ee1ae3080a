package dev.autonomy.server;

import io.javalin.config.StaticFilesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import java.util.Set;

/**
 * The browser page at {@code /}: static files from {@code web/} on the classpath, and the chart and
 * map libraries from their WebJars ({@code /webjars/...}, served from the jar: the page loads nothing
 * from another site). They hold no personal data, so they are served without the token; the page
 * asks for it and sends it on every API call. Only these exact paths skip the token check, so the
 * API routes and unknown paths are answered as before.
 */
final class WebPage {
  /** The classpath folder holding the page. */
  static final String FOLDER = "/web";

  /** Chart.js's browser build, from the {@code org.webjars.npm:chart.js} jar (the version the pom names). */
  static final String CHART_JS = "/webjars/chart.js/4.4.1/dist/chart.umd.js";
  /** Leaflet's script and style sheet, from the {@code org.webjars.npm:leaflet} jar. */
  static final String LEAFLET_JS = "/webjars/leaflet/1.9.4/dist/leaflet.js";
  static final String LEAFLET_CSS = "/webjars/leaflet/1.9.4/dist/leaflet.css";

  /** The request paths served without a token ({@code /} is the page's index.html). */
  static final Set<String> ASSETS = Set.of("/", "/index.html", "/app.js", "/dashboard.js", "/charts.js", "/style.css", "/favicon.svg",
      CHART_JS, LEAFLET_JS, LEAFLET_CSS);

  /** Sent with every page file: nothing but this server's own files, no inline script, no sniffing. */
  static final Map<String, String> HEADERS = Map.of(
      "Content-Security-Policy", "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer",
      "Cache-Control", "no-cache");

  private WebPage() {}

  static void register(StaticFilesConfig staticFiles) {
    staticFiles.add(files -> {
      files.hostedPath = "/";
      files.directory = FOLDER;
      files.location = Location.CLASSPATH;
      files.headers = HEADERS;
    });
    staticFiles.enableWebjars();
  }

  /** Whether the request is a GET or HEAD of one of the page's files. */
  static boolean isAsset(Context ctx) {
    HandlerType method = ctx.method();
    return (HandlerType.GET.equals(method) || HandlerType.HEAD.equals(method)) && ASSETS.contains(ctx.path());
  }
}
