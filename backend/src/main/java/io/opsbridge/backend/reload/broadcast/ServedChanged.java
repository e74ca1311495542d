package io.opsbridge.backend.reload.broadcast;

/** A CDI event: what this replica serves (a model version, its settings) or its broadcast state may have changed. */
public record ServedChanged(String why) {
}
