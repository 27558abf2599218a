package io.shareflow.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metric names a Grafana dashboard's PromQL queries read, each with the jobs its selectors name
 * ({@code job="share-api"}; none: any job). Enough PromQL for our dashboard: selectors, functions, aggregations
 * with {@code by}/{@code without}, ranges; not a parser of the whole language.
 */
final class DashboardQueries {

    static final Path DASHBOARD = Path.of("..").toAbsolutePath().normalize()
            .resolve("deploy/grafana/dashboards/shareflow.json");

    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    /** An identifier, then maybe its label matchers, then maybe "(" (a function, not a metric). */
    private static final Pattern SELECTOR = Pattern.compile("(?<![a-zA-Z0-9_:.])([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{([^}]*)})?\\s*(\\()?");
    private static final Pattern JOB = Pattern.compile("\\bjob\\s*=\\s*\"([^\"]+)\"");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");

    private DashboardQueries() {
    }

    /** Every metric of every panel's queries → the jobs it is selected from (empty: not restricted). */
    static Map<String, Set<String>> metrics(Path dashboard) throws IOException {
        Map<String, Set<String>> metrics = new TreeMap<>();
        JsonNode root = JsonMapper.builder().build().readTree(dashboard.toFile());
        for (JsonNode panel : root.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                metrics(target.path("expr").asText()).forEach((name, jobs) ->
                        metrics.computeIfAbsent(name, n -> new TreeSet<>()).addAll(jobs));
            }
        }
        return metrics;
    }

    static Map<String, Set<String>> metrics(String expr) {
        Map<String, Set<String>> metrics = new TreeMap<>();
        String stripped = GROUPING.matcher(RANGE.matcher(expr).replaceAll("")).replaceAll("");
        Matcher selector = SELECTOR.matcher(stripped);
        while (selector.find()) {
            String name = selector.group(1);
            boolean function = selector.group(4) != null && selector.group(2) == null;
            if (function || KEYWORDS.contains(name)) {
                continue;
            }
            Set<String> jobs = metrics.computeIfAbsent(name, n -> new TreeSet<>());
            if (selector.group(3) != null) {
                Matcher job = JOB.matcher(selector.group(3));
                while (job.find()) {
                    jobs.add(job.group(1));
                }
            }
        }
        return metrics;
    }
}
