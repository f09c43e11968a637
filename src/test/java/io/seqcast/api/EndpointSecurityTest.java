package io.seqcast.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqcast.SeqcastApplication;
import io.seqcast.TestKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.filter.FormContentFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every mapped endpoint, read from the handler mappings (an endpoint added later is covered without
 * editing this test), x every role x many spellings of its path: no spelling changes the decision.
 * A request is either refused (401, 403, or a 400 for a non-canonical path) or allowed only to the
 * roles its {@link RequiresRole} names, and a refused request changes nothing. Path variables name a
 * real model, version, alias and job, so a request wrongly let through would act and be seen to.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(classes = SeqcastApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EndpointSecurityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MODEL = "guarded";
    /** Presented keys; null is no key at all. */
    private static final Map<String, Role> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put(null, null);
        KEYS.put(TestKeys.FORECASTER, Role.FORECASTER);
        KEYS.put(TestKeys.TRAINER, Role.TRAINER);
        KEYS.put(TestKeys.ADMIN, Role.ADMIN);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target/test-data")), "endpoint-security");
        registry.add("seqcast.registry.root", () -> data.resolve("registry").toString());
        registry.add("seqcast.training.jobs", () -> data.resolve("jobs").toString());
        for (String property : TestKeys.PROPERTIES) {
            String[] pair = property.split("=", 2);
            registry.add(pair[0], () -> pair[1]);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    private String jobId;

    /** One endpoint as the router knows it. */
    record Endpoint(String method, String pattern, Role role, String contentType) {
        boolean allows(Role held) {
            return role != null && held != null && held.includes(role);
        }
    }

    @BeforeAll
    void aModelWithAVersionAnAliasAndAFinishedJob() throws Exception {
        String values = "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20";
        RawHttp.Response submitted = RawHttp.send(port, "POST", "/api/v1/training-jobs", TestKeys.ADMIN,
                "application/json", "{\"model\": \"" + MODEL + "\", \"data\": {\"series\": [{\"values\": [" + values
                        + "]}]}, \"spec\": {\"window\": 4, \"horizon\": 1}, \"training\": {\"epochs\": 2}}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        jobId = JSON.readTree(submitted.body()).get("id").asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String status = "";
        while (!status.equals("SUCCEEDED") && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            status = JSON.readTree(admin("GET", "/api/v1/training-jobs/" + jobId).body()).get("status").asString();
        }
        assertThat(status).as("training finished within its deadline").isEqualTo("SUCCEEDED");
        RawHttp.Response alias = RawHttp.send(port, "PUT", "/api/v1/models/" + MODEL + "/aliases/production",
                TestKeys.ADMIN, "application/json", "{\"version\": 1}");
        assertThat(alias.status()).isEqualTo(200);
    }

    @Test
    void theRoleTableIsWhatTheControllersSayForEveryApiEndpoint() {
        // Exactly README's table ("Who may do what"): an endpoint added or a role changed must be written there too.
        Map<String, Role> table = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.pattern().startsWith("/api/")) {
                table.put(endpoint.method() + " " + endpoint.pattern(), endpoint.role());
            }
        }
        assertThat(table).isEqualTo(Map.ofEntries(
                Map.entry("GET /api/v1/models", Role.FORECASTER),
                Map.entry("GET /api/v1/models/{name}", Role.FORECASTER),
                Map.entry("GET /api/v1/models/{name}/versions", Role.FORECASTER),
                Map.entry("GET /api/v1/models/{name}/versions/{version}", Role.FORECASTER),
                Map.entry("GET /api/v1/models/{name}/versions/{version}/backtest", Role.FORECASTER),
                Map.entry("GET /api/v1/models/{name}/versions/{version}/comparison", Role.FORECASTER),
                Map.entry("GET /api/v1/models/{name}/versions/{version}/series", Role.TRAINER),
                Map.entry("POST /api/v1/models/{name}/forecast", Role.FORECASTER),
                Map.entry("POST /api/v1/models/{name}/classify", Role.FORECASTER),
                Map.entry("DELETE /api/v1/models/{name}/versions/{version}", Role.ADMIN),
                Map.entry("PUT /api/v1/models/{name}/aliases/{alias}", Role.ADMIN),
                Map.entry("DELETE /api/v1/models/{name}/aliases/{alias}", Role.ADMIN),
                Map.entry("POST /api/v1/training-jobs", Role.TRAINER),
                Map.entry("GET /api/v1/training-jobs", Role.TRAINER),
                Map.entry("GET /api/v1/training-jobs/{id}", Role.TRAINER),
                Map.entry("GET /api/v1/training-jobs/{id}/events", Role.TRAINER),
                Map.entry("POST /api/v1/training-jobs/{id}/cancel", Role.TRAINER),
                Map.entry("POST /api/v1/data-checks", Role.TRAINER),
                Map.entry("GET /api/v1/key", Role.FORECASTER)));
    }

    @Test
    void noSpellingOfAnyPathLetsARoleDoWhatItMayNot() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(13);
        String before = state();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Endpoint endpoint : endpoints) {
            for (String path : spellings(endpoint.pattern())) {
                for (Map.Entry<String, Role> key : KEYS.entrySet()) {
                    if (endpoint.allows(key.getValue())) {
                        continue;
                    }
                    RawHttp.Response response = send(endpoint, path, key.getKey());
                    sent++;
                    if (!refused(response)) {
                        wrong.add(endpoint.method() + " " + path + " as " + key.getValue() + " -> " + response.status()
                                + " " + response.body());
                    }
                }
            }
        }
        assertThat(wrong).as("answered although the role may not call the endpoint").isEmpty();
        assertThat(state()).as("refused requests changed nothing").isEqualTo(before);
        assertThat(sent).isGreaterThan(1000);
        System.out.printf("endpoint security: %d endpoints, %d requests from roles that may not call them, all refused%n",
                endpoints.size(), sent);
    }

    @Test
    void everyRoleThatMayCallAnEndpointGetsPastSecurityWithTheCanonicalPath() throws Exception {
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.method().equals("DELETE")) {
                continue; // acting would take the shared model away from the other test
            }
            for (Map.Entry<String, Role> key : KEYS.entrySet()) {
                if (endpoint.allows(key.getValue())) {
                    RawHttp.Response response = send(endpoint, concrete(endpoint.pattern()), key.getKey());
                    assertThat(response.status()).as(endpoint + " as " + key.getValue()).isNotIn(401, 403)
                            .isLessThan(500);
                }
            }
        }
    }

    @Test
    void anEndpointWithoutARuleIsRefusedToEveryKey() throws Exception {
        // The error controller is mapped but carries no rule: deny by default, whatever the role.
        for (String key : new String[] {TestKeys.FORECASTER, TestKeys.ADMIN}) {
            RawHttp.Response response = RawHttp.send(port, "GET", "/error", key, null, null);
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body()).contains("open to no key");
        }
        assertThat(RawHttp.send(port, "GET", "/error", null, null, null).status()).isEqualTo(401);
    }

    @Test
    void errorsTheContainerAnswersAreProblemsWhateverTheClientAccepts() throws Exception {
        RawHttp.Response trace = RawHttp.send(port, "TRACE", "/api/v1/models", TestKeys.ADMIN, null, null);
        RawHttp.Response post = RawHttp.send(port, "POST", "/", null, "text/plain", "x");
        RawHttp.Response hidden = RawHttp.send(port, "GET", "/META-INF/MANIFEST.MF", null, null, null);
        RawHttp.Response noGroup = RawHttp.send(port, "GET", "/actuator/health/nope", null, null, null);
        assertThat(noGroup.status()).isEqualTo(404);
        for (RawHttp.Response response : List.of(trace, post, hidden, noGroup)) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain("timestamp", "Whitelabel", "/META-INF", "/api/v1", "Exception");
        }
        assertThat(trace.status()).isEqualTo(405);
        assertThat(post.status()).isEqualTo(405);
        assertThat(hidden.status()).isEqualTo(404);
    }

    @Test
    void noBodyIsParsedBeforeSecurityAndMetricsNameNoPath() throws Exception {
        // Spring's form filter read PUT, PATCH and DELETE bodies before the key was checked.
        assertThat(context.getBeansOfType(FormContentFilter.class)).isEmpty();
        assertThat(context.getBeansOfType(MultipartResolver.class)).isEmpty();
        RawHttp.Response form = RawHttp.send(port, "PUT", "/api/v1/models/" + MODEL + "/aliases/x", null,
                "application/x-www-form-urlencoded", "version=1");
        assertThat(form.status()).isEqualTo(401);
        RawHttp.Response metrics = RawHttp.send(port, "GET", "/actuator/prometheus", TestKeys.ADMIN, null, null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests").doesNotContain("path=\"/", "disk_free");
    }

    @Test
    void headFollowsTheRuleOfGet() throws Exception {
        assertThat(RawHttp.send(port, "HEAD", "/api/v1/models", TestKeys.FORECASTER, null, null).status()).isEqualTo(200);
        assertThat(RawHttp.send(port, "HEAD", "/api/v1/models", null, null, null).status()).isEqualTo(401);
        assertThat(RawHttp.send(port, "HEAD", "/api/v1/training-jobs", TestKeys.FORECASTER, null, null).status())
                .isEqualTo(403);
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("io.seqcast")) {
                continue;
            }
            RequiresRole rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequiresRole.class);
            if (rule == null) {
                rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequiresRole.class);
            }
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            String contentType = entry.getKey().getConsumesCondition().getConsumableMediaTypes().stream()
                    .findFirst().map(Object::toString).orElse("application/json");
            for (String pattern : entry.getKey().getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.values()) : methods) {
                    endpoints.add(new Endpoint(method.name(), pattern, rule == null ? null : rule.value(), contentType));
                }
            }
        }
        return endpoints;
    }

    private String concrete(String pattern) {
        return pattern.replace("{name}", MODEL).replace("{version}", "1").replace("{alias}", "production")
                .replace("{id}", jobId).replaceAll("\\{[^}]+}", "x");
    }

    /** The path as written, and spelled in every way the router or a gateway might take it. */
    private Set<String> spellings(String pattern) {
        String[] patternSegments = pattern.substring(1).split("/");
        String[] segments = concrete(pattern).substring(1).split("/");
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(join(segments));
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            spellings.add(replace(segments, i, segment + ";x"));
            spellings.add(replace(segments, i, segment + ";jsessionid=1"));
            if (patternSegments[i].startsWith("{")) {
                continue;
            }
            spellings.add(replace(segments, i, escapeFirstLetter(segment, false)));
            spellings.add(replace(segments, i, escapeFirstLetter(segment, true)));
            spellings.add(replace(segments, i, escapeAll(segment, Character::isLetter, false)));
            spellings.add(replace(segments, i, escapeAll(segment, Character::isLetter, true)));
            spellings.add(replace(segments, i, escapeAll(segment, c -> c == '-', true)));
            spellings.add(replace(segments, i, escapeAll(segment, c -> c == '-', false)));
            spellings.add(replace(segments, i, escapeAll(segment, Character::isDigit, true)));
            spellings.add(replace(segments, i, segment.toUpperCase(Locale.ROOT)));
        }
        String path = join(segments);
        spellings.add(path + "/");
        spellings.add(path + "/.");
        spellings.add(path + "%2F");
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                String head = path.substring(0, i);
                String tail = path.substring(i);
                spellings.add(head + "/" + tail);
                spellings.add(head + "/." + tail);
                spellings.add(head + "/%2e" + tail);
                spellings.add(head + "/x/.." + tail);
                spellings.add(head + "/x/%2e%2E" + tail);
                spellings.add(head + "%2F" + tail.substring(1));
                spellings.add(head + "%2f" + tail.substring(1));
                spellings.add(head + "\\" + tail.substring(1));
                spellings.add(head + "%5C" + tail.substring(1));
                spellings.add(head + "%00" + tail);
                spellings.add(head + "%0a" + tail);
                spellings.add(head + "%25" + tail);
            }
        }
        return spellings;
    }

    private static String escapeFirstLetter(String segment, boolean upper) {
        for (int i = 0; i < segment.length(); i++) {
            if (Character.isLetter(segment.charAt(i))) {
                return segment.substring(0, i) + escape(segment.charAt(i), upper) + segment.substring(i + 1);
            }
        }
        return segment;
    }

    private static String escapeAll(String segment, java.util.function.IntPredicate which, boolean upper) {
        StringBuilder escaped = new StringBuilder();
        segment.chars().forEach(c -> escaped.append(which.test(c) ? escape((char) c, upper) : String.valueOf((char) c)));
        return escaped.toString();
    }

    private static String escape(char c, boolean upper) {
        String hex = String.format("%%%02X", (int) c);
        return upper ? hex : hex.toLowerCase(Locale.ROOT);
    }

    private static String replace(String[] segments, int index, String value) {
        String[] copy = segments.clone();
        copy[index] = value;
        return join(copy);
    }

    private static String join(String[] segments) {
        return "/" + String.join("/", segments);
    }

    private RawHttp.Response send(Endpoint endpoint, String path, String key) throws Exception {
        boolean body = endpoint.method().equals("POST") || endpoint.method().equals("PUT")
                || endpoint.method().equals("PATCH");
        String content = !body ? null : endpoint.contentType().startsWith("text/csv") ? "value\n1\n2\n3\n"
                : endpoint.pattern().contains("aliases") ? "{\"version\": 1}" : "{}";
        return RawHttp.send(port, endpoint.method(), path, key, body ? endpoint.contentType() : null, content);
    }

    /**
     * 401 or 403 from Spring Security, or a 400 for a path refused before it was routed (by Spring
     * Security's firewall or by Tomcat): always problem+json.
     */
    private static boolean refused(RawHttp.Response response) {
        boolean problem = response.contentType() != null && response.contentType().startsWith("application/problem+json");
        // An answer to HEAD has no body to tell which refusal it was, but a 400 acts on nothing either.
        boolean unrouted = response.status() == 400 && (response.body().isEmpty()
                || response.body().contains("problems/rejected-path")
                || response.body().contains("refused before it reached the service"));
        // 405: a method the container serves nowhere (TRACE), refused before any rule.
        return problem && (response.status() == 401 || response.status() == 403 || response.status() == 405 || unrouted);
    }

    private RawHttp.Response admin(String method, String path) throws Exception {
        return RawHttp.send(port, method, path, TestKeys.ADMIN, null, null);
    }

    /** What a request could have changed: models, versions, aliases and jobs. */
    private String state() throws Exception {
        return admin("GET", "/api/v1/models").body() + admin("GET", "/api/v1/models/" + MODEL + "/versions").body()
                + admin("GET", "/api/v1/training-jobs?size=100").body();
    }
}
