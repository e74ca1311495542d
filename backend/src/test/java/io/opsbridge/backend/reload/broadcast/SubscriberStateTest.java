package io.opsbridge.backend.reload.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubscriberStateTest {

    @Test
    void aSubscriptionIsOnlyEverMadeFromStoppedOrBackingOff() {
        assertThat(SubscriberState.STOPPED.canMoveTo(SubscriberState.SUBSCRIBING)).isTrue();
        assertThat(SubscriberState.BACKING_OFF.canMoveTo(SubscriberState.SUBSCRIBING)).isTrue();
        assertThat(SubscriberState.SUBSCRIBED.canMoveTo(SubscriberState.SUBSCRIBING))
                .as("a live subscription never starts a second one").isFalse();
        assertThat(SubscriberState.STOPPED.canMoveTo(SubscriberState.SUBSCRIBED)).isFalse();
    }

    @Test
    void everyStateCanStopAndALostSubscriptionBacksOff() {
        for (SubscriberState state : SubscriberState.values()) {
            assertThat(state == SubscriberState.STOPPED || state.canMoveTo(SubscriberState.STOPPED)).isTrue();
        }
        assertThat(SubscriberState.SUBSCRIBED.canMoveTo(SubscriberState.BACKING_OFF)).isTrue();
        assertThat(SubscriberState.SUBSCRIBING.canMoveTo(SubscriberState.BACKING_OFF)).isTrue();
    }
}
