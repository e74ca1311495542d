package io.opsbridge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsbridge.cli.ExitCodes;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code opsbridge admin replicas}: every backend replica recorded in the database, where it answers,
 * its liveness, its instance (the start), how many operations it owns, the model and settings it
 * serves and its broadcast subscription, laggards marked with the reason ({@code GET /api/v1/admin/replicas}).
 */
@Command(name = "replicas", mixinStandardHelpOptions = true,
        description = {"The backend replicas and what each serves, the lagging ones marked.",
            "For each: its URL, liveness (live, stopping, silent), instance, the unfinished operations it owns,",
            "the model versions and settings it serves, its reload subscription, and LAGGING with the reason",
            "for one that serves other than the registry's active version or the newest settings."})
public class ReplicasCommand implements Callable<Integer> {

    private static final String ROW = "%-12s %-26s %-9s %-8s %-4s %-20s %-20s %-12s %-21s %s%n";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Context ctx = Context.of(spec);
        JsonNode view = ctx.client().admin().replicas();
        if (ctx.printer().machine()) {
            ctx.printer().printData(view);
            return ExitCodes.OK;
        }
        PrintWriter out = ctx.out();
        out.printf(ROW, "NODE", "URL", "LIVENESS", "INSTANCE", "OWNS", "MODELS", "SETTINGS", "SUBSCRIBER",
                "LAST RELOAD", "STATUS");
        for (JsonNode replica : view.path("replicas")) {
            JsonNode state = replica.path("state");
            List<String> reasons = new ArrayList<>();
            replica.path("lag_reasons").forEach(r -> reasons.add(r.asText()));
            String instance = replica.path("instance_id").asText();
            out.printf(ROW, replica.path("node_id").asText(), replica.path("advertised_url").asText(),
                    replica.path("liveness").asText(), instance.length() > 8 ? instance.substring(0, 8) : instance,
                    replica.path("operations_owned").asText(), pairs(state.path("models")),
                    state.isMissingNode() ? "-" : state.path("settings_version").asText() + " ("
                            + shortHash(state.path("settings_hash")) + ")",
                    state.path("subscriber_state").asText("-"), seconds(state.path("last_reload_at")),
                    reasons.isEmpty() ? "ok" : "LAGGING: " + String.join("; ", reasons));
        }
        JsonNode broadcast = view.path("broadcast");
        out.printf("broadcast %s (%s); registry active: %s; %d of %d live, %d lagging%n", broadcast.path("mode").asText(),
                broadcast.path("reason").asText(), pairs(view.path("registry_active")), view.path("live").asInt(),
                view.path("total").asInt(), view.path("lagging").asInt());
        return ExitCodes.OK;
    }

    private static String pairs(JsonNode object) {
        List<String> pairs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            pairs.add(e.getKey() + "=" + e.getValue().asText());
        }
        return pairs.isEmpty() ? "-" : String.join(",", pairs);
    }

    private static String shortHash(JsonNode hash) {
        if (hash.isNull() || hash.isMissingNode()) {
            return "startup config";
        }
        return hash.asText().length() > 12 ? hash.asText().substring(0, 12) : hash.asText();
    }

    /** {@code 2026-12-02T00:08:56Z}: to the second, so the table stays aligned. */
    private static String seconds(JsonNode instant) {
        if (instant.isNull() || instant.isMissingNode()) {
            return "-";
        }
        try {
            return Instant.parse(instant.asText()).truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException e) {
            return instant.asText();
        }
    }
}
