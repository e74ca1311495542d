package io.opsbridge.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Optional;
import java.util.Timer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Nothing runs in the background on a timer, except the timers that exist on purpose: the
 * model registry's periodic check ({@code io.opsbridge.backend.reload.PeriodicCheck}), the reload
 * broadcast's reconnect backoff ({@code ReloadSubscriber}) and the
 * long-poll timeouts ({@code VersionWaiters} in the core, named by simple name so that it may move
 * between core packages). Everything else is pulled when a client asks.
 */
@AnalyzeClasses(packages = Modules.ALL, importOptions = ImportOption.DoNotIncludeTests.class)
class TimerRulesTest {

    private static final String MODEL_CHECK = "io.opsbridge.backend.reload.PeriodicCheck";
    private static final String LONG_POLL_TIMER = "VersionWaiters";
    /** The reload broadcast's reconnect backoff: a lost subscription must come back by itself (issue 12). */
    private static final String BROADCAST_RECONNECT = "io.opsbridge.backend.reload.broadcast.ReloadSubscriber";
    private static final List<String> VERTX_TIMERS = List.of("setPeriodic", "setTimer", "periodicStream", "timerStream");

    /** Everything but the two timers and their nested and anonymous classes. */
    private static final DescribedPredicate<JavaClass> OUTSIDE_THE_TWO_TIMERS = DescribedPredicate.describe(
            "are neither the model check (" + MODEL_CHECK + ")"
                    + " nor the long-poll timer (core's " + LONG_POLL_TIMER + ")",
            type -> !isOrIsNestedInATimer(type));

    private static final String BECAUSE = "work happens when a client asks (a pull at query time),"
            + " not in a background loop";

    @ArchTest
    static final ArchRule noScheduledMethodOutsideTheTwoTimers = noMethods()
            .that().areDeclaredInClassesThat(OUTSIDE_THE_TWO_TIMERS)
            .should().beAnnotatedWith("io.quarkus.scheduler.Scheduled")
            .orShould().beAnnotatedWith("io.quarkus.scheduler.Scheduled$Schedules")
            .because(BECAUSE);

    @ArchTest
    static final ArchRule noJdkTimerOutsideTheTwoTimers = noClasses()
            .that(OUTSIDE_THE_TWO_TIMERS)
            .should().dependOnClassesThat(belongToAnyOf(Timer.class, ScheduledExecutorService.class,
                    ScheduledThreadPoolExecutor.class))
            .orShould().callMethodWhere(DescribedPredicate.describe("a scheduled executor is made by Executors",
                    TimerRulesTest::makesAScheduledExecutor))
            .because(BECAUSE);

    @ArchTest
    static final ArchRule noVertxTimerOutsideTheTwoTimers = noClasses()
            .that(OUTSIDE_THE_TWO_TIMERS)
            .should().callMethodWhere(DescribedPredicate.describe("a Vert.x timer is set (" + VERTX_TIMERS + ")",
                    TimerRulesTest::setsAVertxTimer))
            .because(BECAUSE);

    private static boolean isOrIsNestedInATimer(JavaClass type) {
        for (Optional<JavaClass> c = Optional.of(type); c.isPresent(); c = c.get().getEnclosingClass()) {
            JavaClass candidate = c.get();
            if (candidate.getName().equals(MODEL_CHECK) || candidate.getName().equals(BROADCAST_RECONNECT) || (candidate.getSimpleName().equals(LONG_POLL_TIMER)
                    && candidate.getPackageName().startsWith("io.opsbridge.core"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean makesAScheduledExecutor(JavaMethodCall call) {
        return call.getTargetOwner().isEquivalentTo(Executors.class) && call.getName().contains("Scheduled");
    }

    private static boolean setsAVertxTimer(JavaMethodCall call) {
        return call.getTargetOwner().getPackageName().startsWith("io.vertx.") && VERTX_TIMERS.contains(call.getName());
    }
}
