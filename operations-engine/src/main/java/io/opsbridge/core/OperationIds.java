package io.opsbridge.core;

import io.opsbridge.api.OperationType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Makes operation ids like {@code op_training_20261124_093012_1a2b3c4d}: sortable by time, unique by chance. */
public final class OperationIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    private OperationIds() {
    }

    public static String newId(OperationType type, Instant now) {
        return "op_" + type.wireName() + "_" + STAMP.format(now) + "_"
                + String.format("%08x", ThreadLocalRandom.current().nextInt());
    }
}
