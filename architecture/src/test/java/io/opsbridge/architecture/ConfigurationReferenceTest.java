package io.opsbridge.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.opsbridge.core.settings.reload.SettingsSection;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.ConfigMappings.ConfigClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md's reference table names every {@code opsbridge.*} setting the code reads —
 * each key of every {@code @ConfigMapping} (as SmallRye Config itself names them) and each
 * {@code @ConfigProperty} — with its environment variable, its default as the code has it, and
 * whether a runtime settings reload changes it (as the {@code SettingsSection}s say). A key added
 * in the code and not to the page, or a page that names a key the code no longer reads, fails here.
 */
class ConfigurationReferenceTest {

    private static final Path PAGE = SourceFiles.ROOT.resolve("docs/configuration.md");
    private static final String CONFIG_MAPPING = "io.smallrye.config.ConfigMapping";
    private static final String CONFIG_PROPERTY = "org.eclipse.microprofile.config.inject.ConfigProperty";

    private static Map<String, Setting> code;
    private static Map<String, Row> page;

    /** A setting as the code reads it; {@code defaultValue} null when it has none. */
    record Setting(String key, String defaultValue, boolean reloadable) {
    }

    /** One row of the page's reference table, its cells as written (backticks removed). */
    record Row(String key, String envVar, String defaultValue, String reload) {
    }

    @BeforeAll
    static void read() throws Exception {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(Modules.ALL);
        Set<String> reloadable = reloadableKeys(classes);
        code = new TreeMap<>();
        for (JavaClass type : classes) {
            if (type.isAnnotatedWith(CONFIG_MAPPING)) {
                String prefix = (String) type.getAnnotationOfType(CONFIG_MAPPING).get("prefix").orElseThrow();
                ConfigMappings.getProperties(new ConfigClass(type.reflect(), prefix)).forEach((key, property) -> {
                    // a list's elements are named key[*] beside the key itself, which the table names
                    boolean single = property.isLeaf() || property.isOptional() || property.isPrimitive();
                    if (single && !key.endsWith("[*]")) {
                        String value = property.hasDefaultValue() ? property.getDefaultValue() : null;
                        code.put(key, new Setting(key, value, reloadable.contains(key)));
                    }
                });
            }
        }
        for (JavaClass type : classes) {
            type.getCodeUnits().forEach(constructorOrMethod -> { // constructors and @Produces methods
                for (JavaParameter parameter : constructorOrMethod.getParameters()) {
                    parameter.getAnnotations().stream().filter(a -> a.getRawType().getName().equals(CONFIG_PROPERTY))
                            .forEach(a -> addProperty(a, reloadable));
                }
            });
            type.getFields().forEach(field -> field.getAnnotations().stream()
                    .filter(a -> a.getRawType().getName().equals(CONFIG_PROPERTY))
                    .forEach(a -> addProperty(a, reloadable)));
        }
        page = rows(Files.readAllLines(PAGE));
    }

    @Test
    void everySettingTheCodeReadsHasARow() {
        Set<String> missing = new HashSet<>(code.keySet());
        missing.removeAll(page.keySet());
        assertThat(missing).as("settings the code reads and docs/configuration.md leaves out; add rows:\n"
                + missing.stream().sorted().map(key -> expectedRow(code.get(key))).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    @Test
    void everyOpsBridgeRowNamesASettingTheCodeReads() {
        assertThat(page.keySet().stream().filter(key -> key.startsWith("opsbridge.")))
                .as("rows of docs/configuration.md for keys no code reads").allMatch(code::containsKey);
    }

    @Test
    void eachRowHasTheEnvironmentVariableDefaultAndReloadOfTheCode() {
        for (Setting setting : code.values()) {
            Row row = page.get(setting.key());
            if (row == null) {
                continue; // everySettingTheCodeReadsHasARow names it
            }
            assertThat(row.envVar()).as(setting.key() + ": environment variable").isEqualTo(envVar(setting.key()));
            assertThat(row.defaultValue()).as(setting.key() + ": default")
                    .isEqualTo(setting.defaultValue() == null ? "none" : setting.defaultValue());
            assertThat(row.reload()).as(setting.key() + ": reloadable").isEqualTo(setting.reloadable() ? "yes" : "restart");
        }
    }

    /**
     * The Kubernetes deploy files set settings as a properties file (the runtime settings ConfigMap) and as the
     * backend's environment: a misspelt key there would be ignored, not refused, so each must be one the code reads.
     */
    @Test
    void everySettingTheKubernetesDeployFilesSetIsOneTheCodeReads() throws Exception {
        Path deploy = SourceFiles.ROOT.resolve("deploy/kubernetes");
        List<String> properties = Files.readAllLines(deploy.resolve("runtime-settings.yaml")).stream()
                .map(String::strip).filter(line -> line.startsWith("opsbridge."))
                .map(line -> line.substring(0, line.indexOf('='))).toList();
        Set<String> envVars = code.keySet().stream().map(ConfigurationReferenceTest::envVar).collect(Collectors.toSet());
        List<String> environment = Files.readAllLines(deploy.resolve("backend-deployment.yaml")).stream()
                .map(String::strip).filter(line -> line.startsWith("- name: OPSBRIDGE_"))
                .map(line -> line.substring("- name: ".length())).toList();

        assertThat(properties).as("opsbridge.* keys of runtime-settings.yaml").hasSizeGreaterThan(5)
                .allMatch(code::containsKey, "a setting the code reads");
        assertThat(environment).as("OPSBRIDGE_* variables of backend-deployment.yaml").hasSizeGreaterThan(5)
                .allMatch(envVars::contains, "the variable of a setting the code reads");
    }

    @Test
    void theTableIsReadAtAll() {
        assertThat(page).as("rows read from " + PAGE).hasSizeGreaterThan(40);
        assertThat(code).as("settings found in the code").hasSizeGreaterThan(40)
                .containsKeys("opsbridge.operations.cache-ttl", "opsbridge.stall.default.fail-after",
                        "opsbridge.security.rate-limit.starts.burst", "opsbridge.monitoring.slow-query");
        assertThat(code.get("opsbridge.operations.cache-ttl").reloadable()).isTrue();
        assertThat(code.get("opsbridge.store.kind").reloadable()).isFalse();
    }

    /** As SmallRye Config maps an environment variable to a key: every other character becomes {@code _}. */
    static String envVar(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    private static void addProperty(JavaAnnotation<?> annotation, Set<String> reloadable) {
        String key = (String) annotation.get("name").orElseThrow();
        if (!key.startsWith("opsbridge.")) {
            return; // quarkus.* keys belong to Quarkus's own reference; the page names the ones a user needs
        }
        String value = (String) annotation.get("defaultValue").orElse(null);
        if ("org.eclipse.microprofile.config.configproperty.unconfigureddvalue".equals(value)) {
            value = null;
        }
        code.put(key, new Setting(key, value, reloadable.contains(key)));
    }

    private static Set<String> reloadableKeys(JavaClasses classes) throws ReflectiveOperationException {
        Set<String> keys = new HashSet<>();
        for (JavaClass type : classes) {
            if (type.isAssignableTo(SettingsSection.class) && !type.isInterface()) {
                SettingsSection section = (SettingsSection) type.reflect().getDeclaredConstructor().newInstance();
                keys.addAll(section.reloadableKeys());
            }
        }
        return keys;
    }

    /** The rows of the table whose header starts with {@code | key | environment variable | default | reload |}. */
    private static Map<String, Row> rows(List<String> lines) {
        Map<String, Row> rows = new TreeMap<>();
        boolean inTable = false;
        for (String line : lines) {
            if (line.startsWith("| key | environment variable | default | reload |")) {
                inTable = true;
            } else if (!line.startsWith("|")) {
                inTable = false;
            } else if (inTable && !line.startsWith("|---")) {
                List<String> cells = Stream.of(line.substring(1).split("(?<!\\\\)\\|")).map(String::strip).toList();
                Row row = new Row(unquote(cells.get(0)), unquote(cells.get(1)), unquote(cells.get(2)),
                        unquote(cells.get(3)));
                assertThat(rows.put(row.key(), row)).as("one row per key: " + row.key()).isNull();
            }
        }
        return rows;
    }

    private static String unquote(String cell) {
        return cell.length() > 1 && cell.startsWith("`") && cell.endsWith("`") ? cell.substring(1, cell.length() - 1) : cell;
    }

    private static String expectedRow(Setting setting) {
        return "| `" + setting.key() + "` | `" + envVar(setting.key()) + "` | "
                + (setting.defaultValue() == null ? "none" : "`" + setting.defaultValue() + "`") + " | "
                + (setting.reloadable() ? "yes" : "restart") + " | ... |";
    }
}
