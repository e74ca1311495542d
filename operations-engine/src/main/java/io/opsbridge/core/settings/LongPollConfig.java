package io.opsbridge.core.settings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long-polling clients of one operation are answered. */
@ConfigMapping(prefix = "opsbridge.longpoll")
public interface LongPollConfig {

    /**
     * The least time between two wake-ups of one operation's waiters: one refresh per wake-up
     * answers all of them, so a training that writes every millisecond costs a read per interval,
     * not per write. 100 ms is ten frames a second: a bar still moves smoothly.
     */
    @WithDefault("100ms")
    Duration minInterval();
}
