package io.opsbridge.core.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsbridge.core.proxy.HostRejectedException;
import io.opsbridge.core.proxy.HostUnreachableException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Round robin over worker hosts, past the ones that cannot be reached. */
class HostPoolTest {

    private final List<String> called = new ArrayList<>();

    @Test
    void eachStartGoesToTheNextHostInTurn() {
        HostPool pool = new HostPool("data", List.of("http://a:8082/", "http://b:8082", "http://a:8082"));

        for (int i = 0; i < 4; i++) {
            assertThat(pool.onNextReachable(this::answer).hostUrl()).isIn(pool.urls());
        }

        assertThat(pool.urls()).containsExactly("http://a:8082", "http://b:8082");
        assertThat(called).containsExactly("http://a:8082", "http://b:8082", "http://a:8082", "http://b:8082");
    }

    @Test
    void anUnreachableHostIsSkippedForTheNextOne() {
        HostPool pool = new HostPool("data", List.of("http://down:1", "http://up:2"));

        HostPool.Started<String> first = pool.onNextReachable(this::answerUnlessDown);
        HostPool.Started<String> second = pool.onNextReachable(this::answerUnlessDown);

        assertThat(first.hostUrl()).isEqualTo("http://up:2");
        assertThat(second.hostUrl()).isEqualTo("http://up:2");
        assertThat(called).containsExactly("http://down:1", "http://up:2", "http://up:2");
    }

    @Test
    void aHostThatAnswersWithAnErrorIsNotSkipped() {
        HostPool pool = new HostPool("data", List.of("http://a:1", "http://b:2"));

        assertThatThrownBy(() -> pool.onNextReachable(url -> {
            called.add(url);
            throw new HostRejectedException(url, "400", 400, "bad", "symbols");
        })).isInstanceOf(HostRejectedException.class);
        assertThat(called).containsExactly("http://a:1");
    }

    @Test
    void noHostReachableOrNoneConfiguredSaySo() {
        assertThatThrownBy(() -> new HostPool("data", List.of("http://down:1")).onNextReachable(this::answerUnlessDown))
                .isInstanceOf(HostUnreachableException.class);
        assertThatThrownBy(() -> new HostPool("data", List.of()).onNextReachable(this::answer))
                .isInstanceOf(IllegalStateException.class).hasMessage("no data hosts are configured");
    }

    private String answer(String url) {
        called.add(url);
        return "ok";
    }

    private String answerUnlessDown(String url) {
        called.add(url);
        if (url.contains("down")) {
            throw new HostUnreachableException(url, "refused", null);
        }
        return "ok";
    }
}
