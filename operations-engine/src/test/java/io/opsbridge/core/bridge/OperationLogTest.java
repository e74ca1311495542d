package io.opsbridge.core.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsbridge.api.LogLine;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OperationLogTest {

    private final AtomicInteger saveRequests = new AtomicInteger();
    private final OperationLog log = new OperationLog("op_1", 3, written -> saveRequests.incrementAndGet());

    @Test
    void linesAreReadByCursorEachOnceToAClientThatFollowsNewCursor() {
        log.info("started");
        log.warn("few bars");
        LogPage first = log.page(0, 100);
        log.error("failed: no data");
        LogPage second = log.page(first.newCursor(), 100);

        assertThat(first.lines()).extracting(LogLine::message).containsExactly("started", "few bars");
        assertThat(first.lines()).extracting(LogLine::level).containsExactly("info", "warn");
        assertThat(first.lines()).extracting(LogLine::seq).containsExactly(0, 1);
        assertThat(second.lines()).extracting(LogLine::message).containsExactly("failed: no data");
        assertThat(second.newCursor()).isEqualTo(3);
        assertThat(log.page(3, 100)).isEqualTo(LogPage.empty(3));
    }

    @Test
    void aCursorOlderThanTheRingGetsTheFirstLineKeptAndHowManyWereDropped() {
        for (int i = 0; i < 5; i++) {
            log.info("line " + i);
        }
        LogPage page = log.page(0, 100);

        assertThat(page.lines()).extracting(LogLine::message).containsExactly("line 2", "line 3", "line 4");
        assertThat(page.dropped()).isEqualTo(2);
        assertThat(page.newCursor()).isEqualTo(5);
        assertThat(log.page(3, 1).lines()).extracting(LogLine::message).containsExactly("line 3");
        assertThat(log.page(3, 1).dropped()).isZero();
    }

    @Test
    void theFirstLineAfterASaveAsksForOneSaveAndTheSaveTakesWhatIsNew() {
        log.info("a");
        log.info("b");
        assertThat(saveRequests).as("one request while a save is pending").hasValue(1);

        assertThat(log.unsaved()).extracting(LogLine::message).containsExactly("a", "b");
        log.saved(2);
        log.info("c");

        assertThat(saveRequests).hasValue(2);
        assertThat(log.unsaved()).extracting(LogLine::message).containsExactly("c");
    }

    @Test
    void aRunawayLineIsCut() {
        log.info("x".repeat(OperationLog.MAX_LINE_LENGTH + 10));

        assertThat(log.page(0, 1).lines().get(0).message()).hasSize(OperationLog.MAX_LINE_LENGTH);
    }
}
