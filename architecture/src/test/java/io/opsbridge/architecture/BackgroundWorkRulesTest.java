package io.opsbridge.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Timer;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.Stream;

/**
 * Nothing runs in the background but what {@link BackgroundWork} lists: no other class starts a
 * thread or schedules work, only the listed owners run a {@code PeriodicCheck}, and no server-side
 * code pauses a thread but the listed retry waits. The list is exact: an entry whose class no longer
 * does what it is listed for fails too, so the list and the code cannot drift apart.
 */
@AnalyzeClasses(packages = Modules.ALL, importOptions = ImportOption.DoNotIncludeTests.class)
class BackgroundWorkRulesTest {

    private static final String PERIODIC_CHECK = "io.opsbridge.backend.reload.PeriodicCheck";
    private static final Set<String> VERTX_TIMERS = Set.of("setPeriodic", "setTimer", "periodicStream", "timerStream");
    private static final String SCHEDULED = "io.quarkus.scheduler.Scheduled";
    private static final String BECAUSE = "work happens when a client asks (a pull at query time), not in a"
            + " background loop; a timer or thread that must exist is listed in BackgroundWork with its reason";

    @ArchTest
    static final ArchRule noUnlistedClassStartsAThread = noClasses()
            .that(notListedIn(BackgroundWork.TIMERS, BackgroundWork.THREADS))
            .should().callConstructorWhere(DescribedPredicate.describe("a thread or a thread pool is built",
                    BackgroundWorkRulesTest::buildsAThread))
            .orShould().callMethodWhere(DescribedPredicate.describe("a thread or an executor is started",
                    BackgroundWorkRulesTest::startsAThread))
            .because(BECAUSE);

    @ArchTest
    static final ArchRule noUnlistedClassSchedulesWork = noClasses()
            .that(notListedIn(BackgroundWork.TIMERS))
            .should().dependOnClassesThat(belongToAnyOf(Timer.class, ScheduledExecutorService.class,
                    ScheduledThreadPoolExecutor.class))
            .orShould().callMethodWhere(DescribedPredicate.describe("a timer is set (scheduled executor, Vert.x"
                    + " timer, delayed executor)", BackgroundWorkRulesTest::setsATimer))
            .because(BECAUSE);

    @ArchTest
    static final ArchRule noUnlistedScheduledMethod = noMethods()
            .that().areDeclaredInClassesThat(notListedIn(BackgroundWork.TIMERS))
            .should().beAnnotatedWith(SCHEDULED).orShould().beAnnotatedWith(SCHEDULED + "$Schedules")
            .because(BECAUSE);

    @ArchTest
    static final ArchRule onlyTheListedOwnersRunAPeriodicCheck = noClasses()
            .that(notListedIn(BackgroundWork.PERIODIC_CHECKS, Map.of(PERIODIC_CHECK, "")))
            .should().callConstructorWhere(DescribedPredicate.describe("a PeriodicCheck is built",
                    call -> call.getTargetOwner().getName().equals(PERIODIC_CHECK)))
            .because(BECAUSE);

    @ArchTest
    static final ArchRule noServerSidePauseButTheListedRetryWaits = noClasses()
            .that().resideOutsideOfPackage(Modules.CLI)
            .should().callMethodWhere(DescribedPredicate.describe("a thread is paused outside "
                    + BackgroundWork.PAUSES.keySet(), call -> pauses(call) && !BackgroundWork.PAUSES.containsKey(
                    methodName(call.getOrigin()))))
            .because("a sleep on a server thread is a background loop or a blocked request; the few retry"
                    + " waits that must pause are listed with their reasons");

    @ArchTest
    static void theListIsExact(JavaClasses classes) {
        BackgroundWork.TIMERS.keySet().forEach(name -> assertThat(withNested(classes, name)
                .anyMatch(BackgroundWorkRulesTest::schedules)).as("%s still sets a timer", name).isTrue());
        BackgroundWork.THREADS.keySet().forEach(name -> assertThat(withNested(classes, name)
                .anyMatch(BackgroundWorkRulesTest::starts)).as("%s still starts a thread", name).isTrue());
        BackgroundWork.PERIODIC_CHECKS.keySet().forEach(name -> assertThat(classes.get(name)
                .getConstructorCallsFromSelf().stream()
                .anyMatch(call -> call.getTargetOwner().getName().equals(PERIODIC_CHECK)))
                .as("%s still runs a PeriodicCheck", name).isTrue());
        BackgroundWork.PAUSES.keySet().forEach(method -> assertThat(classes.stream()
                .flatMap(c -> c.getMethodCallsFromSelf().stream())
                .anyMatch(call -> pauses(call) && methodName(call.getOrigin()).equals(method)))
                .as("%s still pauses", method).isTrue());
    }

    private static DescribedPredicate<JavaClass> notListedIn(Map<?, ?>... lists) {
        return DescribedPredicate.describe("are not listed in BackgroundWork (nor nested in a listed class)",
                type -> Stream.of(lists).noneMatch(list -> isOrIsNestedIn(type, list.keySet())));
    }

    private static boolean isOrIsNestedIn(JavaClass type, Set<?> names) {
        for (Optional<JavaClass> c = Optional.of(type); c.isPresent(); c = c.get().getEnclosingClass()) {
            if (names.contains(c.get().getName())) {
                return true;
            }
        }
        return false;
    }

    private static Stream<JavaClass> withNested(JavaClasses classes, String name) {
        assertThat(classes.contain(name)).as("%s is a class that exists", name).isTrue();
        return classes.stream().filter(c -> isOrIsNestedIn(c, Set.of(name)));
    }

    private static boolean schedules(JavaClass type) {
        return type.getMethodCallsFromSelf().stream().anyMatch(BackgroundWorkRulesTest::setsATimer)
                || type.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(SCHEDULED));
    }

    private static boolean starts(JavaClass type) {
        return type.getConstructorCallsFromSelf().stream().anyMatch(BackgroundWorkRulesTest::buildsAThread)
                || type.getMethodCallsFromSelf().stream().anyMatch(BackgroundWorkRulesTest::startsAThread);
    }

    /** A JDK thread or pool: building one of ours (a listed subclass) is using it, not starting another kind. */
    private static boolean buildsAThread(JavaConstructorCall call) {
        JavaClass built = call.getTargetOwner();
        return !built.getPackageName().startsWith("io.opsbridge.")
                && Stream.of(Thread.class, ThreadPoolExecutor.class, ForkJoinPool.class, Timer.class)
                .anyMatch(built::isAssignableTo);
    }

    private static boolean startsAThread(JavaMethodCall call) {
        String owner = call.getTargetOwner().getName();
        return owner.equals(Executors.class.getName()) && call.getName().startsWith("new")
                || owner.equals(Thread.class.getName()) && Set.of("ofPlatform", "ofVirtual", "startVirtualThread")
                .contains(call.getName());
    }

    private static boolean setsATimer(JavaMethodCall call) {
        String owner = call.getTargetOwner().getName();
        return owner.equals(Executors.class.getName()) && call.getName().contains("Scheduled")
                || owner.equals("java.util.concurrent.CompletableFuture") && call.getName().equals("delayedExecutor")
                || call.getTargetOwner().getPackageName().startsWith("io.vertx.")
                && VERTX_TIMERS.contains(call.getName());
    }

    private static boolean pauses(JavaAccess<?> call) {
        String owner = call.getTargetOwner().getName();
        return call.getName().equals("sleep") && (owner.equals(Thread.class.getName())
                || owner.equals("java.util.concurrent.TimeUnit"));
    }

    /** {@code Class.method} of the calling code; a lambda counts as the method it is written in. */
    private static String methodName(JavaCodeUnit origin) {
        String name = origin.getName();
        if (name.startsWith("lambda$")) {
            name = name.split("\\$")[1];
        }
        return origin.getOwner().getName() + "." + name;
    }
}
