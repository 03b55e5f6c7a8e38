package id.pantau.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The one table of {@code bench/run}: reads the figures every benchmark wrote to {@code target/bench/*.properties}
 * ({@link BenchFigures}) and prints them as markdown, each figure with the data size it used and, where there is one,
 * the comparison measured in the same run. A benchmark that wrote nothing gets a row saying so. Options:
 * {@code -DbenchOut=target/bench -Dscale=100k}.
 */
public final class BenchTable {

	private final Path folder;
	private final List<String> rows = new ArrayList<>();

	private BenchTable(Path folder) {
		this.folder = folder;
	}

	public static void main(String[] args) throws IOException {
		BenchTable table = new BenchTable(Path.of(System.getProperty("benchOut", "target/bench")));
		System.out.print(table.render(System.getProperty("scale", "?"), args.length == 0 ? null : List.of(args)));
	}

	String render(String scale, List<String> only) throws IOException {
		row("import", only, this::importRow);
		row("link", only, this::linkRows);
		row("search", only, this::searchRows);
		row("dashboard", only, this::dashboardRows);
		row("load-search", only, p -> loadRow("search pages under wrk", p));
		row("load-dashboard", only, p -> loadRow("dashboard pages under wrk", p));
		row("detect", only, this::detectRow);
		row("coldstart", only, this::coldStartRow);
		row("phone", only, this::phoneRow);
		heapRow(only);
		StringBuilder out = new StringBuilder();
		out.append(String.format("%nbench/run -Dscale=%s: figures from %s%n%n", scale, folder));
		out.append("| benchmark | data | figures | in the same run | load avg |\n");
		out.append("|---|---|---|---|---:|\n");
		rows.forEach(r -> out.append(r).append('\n'));
		return out.toString();
	}

	@FunctionalInterface
	private interface RowMaker {
		void make(Properties p);
	}

	private void row(String name, List<String> only, RowMaker maker) throws IOException {
		if (only != null && !only.contains(name)) {
			return;
		}
		Properties p = read(name);
		if (p == null) {
			rows.add("| " + name + " | | not measured (no target/bench/" + name + ".properties) | | |");
			return;
		}
		maker.make(p);
	}

	private Properties read(String name) throws IOException {
		Path file = folder.resolve(name + ".properties");
		if (!Files.exists(file)) {
			return null;
		}
		Properties p = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			p.load(reader);
		}
		return p;
	}

	private void add(String benchmark, String data, String figures, String comparison, Properties p) {
		rows.add(String.join(" | ", "| " + benchmark, data, figures, comparison, num(p, "load_average_end", "%.1f"))
				+ " |");
	}

	private void importRow(Properties p) {
		add("crossing import (`bench/import`)", "%s rows, %s MB CSV".formatted(num(p, "rows", "%,.0f"),
				num(p, "file_mb", "%.0f")),
				"import %s rows/s (%s s); same file again %s s".formatted(num(p, "import_rows_per_s", "%,.0f"),
						num(p, "import_seconds", "%.1f"), num(p, "again_seconds", "%.2f")),
				"plain COPY %s rows/s; **ratio %s**".formatted(num(p, "copy_rows_per_s", "%,.0f"),
						num(p, "ratio", "%.3f")), p);
	}

	private void linkRows(Properties p) {
		String data = "%s persons, %s records".formatted(num(p, "persons", "%,.0f"), num(p, "records", "%,.0f"));
		for (String key : List.of("pantau", "duke")) {
			String linker = key.equals("pantau") ? "linkage, Pantau (`bench/link`)" : "linkage, Duke 1.2";
			if (p.getProperty(key + "_seconds") == null) {
				if (p.getProperty(key + "_note") != null) {
					add(linker, data, p.getProperty(key + "_note"), "", p);
				}
				continue;
			}
			String comparison = key.equals("duke") && p.getProperty("time_ratio_duke_over_pantau") != null
					? "**Duke's time / Pantau's: %s**".formatted(num(p, "time_ratio_duke_over_pantau", "%.1f"))
					: "";
			add(linker, data, "%s s, %s records/s; P %s R %s F1 %s".formatted(num(p, key + "_seconds", "%.1f"),
					num(p, key + "_records_per_s", "%,.0f"), num(p, key + "_precision", "%.3f"),
					num(p, key + "_recall", "%.3f"), num(p, key + "_f1", "%.3f")), comparison, p);
		}
	}

	private void searchRows(Properties p) {
		String data = "%s persons (%s rows)".formatted(num(p, "persons", "%,.0f"), num(p, "rows", "%,.0f"));
		add("search, one call at a time (`bench/search`)", data,
				"name: p50 %s / p95 %s / p99 %s ms, recall@25 %s; document: p50 %s / p95 %s ms".formatted(
						num(p, "name_p50_ms", "%.0f"), num(p, "name_p95_ms", "%.0f"), num(p, "name_p99_ms", "%.0f"),
						percent(p, "name_recall25"), num(p, "document_p50_ms", "%.0f"),
						num(p, "document_p95_ms", "%.0f")), "", p);
	}

	private void dashboardRows(Properties p) {
		String data = "%s persons, %s crossings".formatted(num(p, "persons", "%,.0f"), num(p, "crossings", "%,.0f"));
		add("dashboard, one call at a time (`bench/dashboard`)", data,
				"city: p50 %s / p95 %s / p99 %s ms; village: p50 %s / p95 %s ms".formatted(
						num(p, "dashboard_figures_city_p50_ms", "%.0f"), num(p, "dashboard_figures_city_p95_ms", "%.0f"),
						num(p, "dashboard_figures_city_p99_ms", "%.0f"),
						num(p, "dashboard_figures_village_fiditan_p50_ms", "%.0f"),
						num(p, "dashboard_figures_village_fiditan_p95_ms", "%.0f")),
				"counts from the maintained read models (V32)", p);
	}

	private void loadRow(String label, Properties p) {
		String data = "%s persons%s".formatted(num(p, "persons", "%,.0f"), "0".equals(p.getProperty("crossings"))
				? "" : ", " + num(p, "crossings", "%,.0f") + " crossings");
		add(label + " (`bench/load -Dmix=" + p.getProperty("mix") + "`)", data,
				"%s connections, %s: **p50 %s / p95 %s / p99 %s ms**, %s req/s".formatted(
						p.getProperty("connections", "?"), p.getProperty("duration", "?"), num(p, "p50_ms", "%,.0f"),
						num(p, "p95_ms", "%,.0f"), num(p, "p99_ms", "%,.0f"), num(p, "requests_per_s", "%.1f")),
				"%s requests, 5xx %s, other non-200 %s, timeouts %s; as %s".formatted(
						num(p, "requests", "%,.0f"), p.getProperty("errors_5xx", "?"),
						p.getProperty("other_non_200", "?"), p.getProperty("timeouts", "?"), p.getProperty("user")), p);
	}

	private void detectRow(Properties p) {
		add("detection, every rule (`bench/detect`)", "%s persons, %s crossings (%s %% linked), %s reports".formatted(
				num(p, "persons", "%,.0f"), num(p, "crossings", "%,.0f"), p.getProperty("linked_percent", "?"),
				num(p, "reports", "%,.0f")),
				"first run %s s (%s findings), again %s s".formatted(num(p, "first_seconds", "%.1f"),
						num(p, "found", "%,.0f"), num(p, "again_seconds", "%.1f")),
				"0".equals(p.getProperty("failed", "0")) ? "" : p.getProperty("failed") + " rules failed", p);
	}

	private void coldStartRow(Properties p) {
		add("cold start (`java -jar target/pantau.jar` to \"Pantau siap\")", "empty registry; demo data on the first start",
				"fresh data directory %s s; restart %s s".formatted(num(p, "fresh_seconds", "%.1f"),
						num(p, "restart_seconds", "%.1f")), "jar %s MB".formatted(num(p, "jar_mb", "%.0f")), p);
	}

	private void phoneRow(Properties p) {
		String without = p.getProperty("home_no_echarts_first_seconds") == null ? ""
				: "without ECharts: first %s s / %s KB, second %s s".formatted(
						num(p, "home_no_echarts_first_seconds", "%.1f"), num(p, "home_no_echarts_first_kb", "%.0f"),
						num(p, "home_no_echarts_second_seconds", "%.1f"));
		add("village phone (`bench/phone`)", "OHOI home at 360 px, %s ms, %s KB/s down".formatted(
				num(p, "latency_ms", "%.0f"), num(p, "down_kb_s", "%.0f")),
				"first visit %s s / %s KB; second %s s / %s KB; pages wider than the screen: %s; photo online: %s, via outbox: %s"
						.formatted(num(p, "home_first_seconds", "%.1f"), num(p, "home_first_kb", "%.0f"),
								num(p, "home_second_seconds", "%.1f"), num(p, "home_second_kb", "%.0f"),
								p.getProperty("pages_wider_than_screen", "?"), p.getProperty("photo_online", "?"),
								p.getProperty("photo_outbox", "?")), without, p);
	}

	private void heapRow(List<String> only) throws IOException {
		List<String> parts = new ArrayList<>();
		Properties imports = only == null || only.contains("import") ? read("import") : null;
		if (imports != null) {
			parts.add("import %s MB (heap max %s MB)".formatted(num(imports, "peak_heap_mb", "%.0f"),
					imports.getProperty("xmx_mb")));
		}
		Properties link = only == null || only.contains("link") ? read("link") : null;
		if (link != null && link.getProperty("pantau_peak_heap_mb") != null) {
			parts.add("Pantau's linker %s MB (before a GC, from its GC log)".formatted(link.getProperty("pantau_peak_heap_mb")));
		}
		if (link != null && link.getProperty("duke_peak_heap_mb") != null) {
			parts.add("Duke %s MB".formatted(link.getProperty("duke_peak_heap_mb")));
		}
		for (String mix : List.of("search", "dashboard")) {
			Properties load = only == null || only.contains("load-" + mix) ? read("load-" + mix) : null;
			if (load != null) {
				parts.add("app under the %s load %s MB (heap max %s MB)".formatted(mix, load.getProperty("peak_heap_mb"),
						load.getProperty("xmx_mb")));
			}
		}
		if (!parts.isEmpty()) {
			rows.add("| peak heap (sampled every 50 ms) | as above | " + String.join("; ", parts) + " | | |");
		}
	}

	private static String num(Properties p, String key, String format) {
		String value = p.getProperty(key);
		if (value == null || value.isBlank()) {
			return "?";
		}
		try {
			return String.format(Locale.ROOT, format, Double.parseDouble(value));
		}
		catch (NumberFormatException e) {
			return value;
		}
	}

	private static String percent(Properties p, String key) {
		String value = p.getProperty(key);
		return value == null ? "?" : String.format(Locale.ROOT, "%.1f %%", 100 * Double.parseDouble(value));
	}
}
