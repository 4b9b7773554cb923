package com.payoutrunner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.MergedContextConfiguration;

import com.payoutrunner.support.PostgresIntegrationTest;

/**
 * Every application context the test suite starts is a full Spring Batch, Quartz and
 * Flyway start: the suite (the Failsafe {@code process} tests included) keeps to the four
 * defined in the support package (see {@link PostgresIntegrationTest}). A test class that
 * declares settings, beans, a web environment or a configuration of its own makes
 * Spring's context cache build another one; what a test needs differently it sets at run
 * time through the support fixtures, which are given back after each test.
 */
class TestContextsTests {

	static final int MOST_CONTEXTS = 4;

	/** Spring's test bootstrap logs each class it looks at; no context starts here. */
	static final Logger BOOTSTRAP_LOG = (Logger) LoggerFactory.getLogger("org.springframework");

	static Level bootstrapLogLevel;

	@BeforeAll
	static void quietBootstrapLog() {
		bootstrapLogLevel = BOOTSTRAP_LOG.getLevel();
		BOOTSTRAP_LOG.setLevel(Level.WARN);
	}

	@AfterAll
	static void restoreBootstrapLog() {
		BOOTSTRAP_LOG.setLevel(bootstrapLogLevel);
	}

	static final String SUPPORT = PostgresIntegrationTest.class.getPackageName() + ".";

	/** On a test class or a class nested in it: each is part of the context's key. */
	static final List<String> CONTEXT_ANNOTATIONS = List.of("org.springframework.boot.test.context.SpringBootTest",
			"org.springframework.boot.test.context.TestConfiguration",
			"org.springframework.context.annotation.Configuration", "org.springframework.context.annotation.Import",
			"org.springframework.boot.autoconfigure.ImportAutoConfiguration",
			"org.springframework.test.context.TestPropertySource",
			"org.springframework.test.context.TestPropertySources",
			"org.springframework.test.context.ContextConfiguration",
			"org.springframework.test.context.ContextHierarchy", "org.springframework.test.context.ActiveProfiles",
			"org.springframework.test.context.BootstrapWith", "org.springframework.test.annotation.DirtiesContext",
			"org.springframework.test.context.web.WebAppConfiguration",
			"org.springframework.test.context.bean.override.BeanOverride");

	/** On a field ({@code @MockitoBean}, {@code @TestBean}...) or a method. */
	static final List<String> MEMBER_ANNOTATIONS = List.of(
			"org.springframework.test.context.bean.override.BeanOverride",
			"org.springframework.test.context.DynamicPropertySource", "org.springframework.context.annotation.Bean",
			"org.springframework.test.annotation.DirtiesContext");

	@Test
	void noTestDeclaresAContextOfItsOwn() throws Exception {
		List<String> declared = new ArrayList<>();
		for (Class<?> type : testClasses()) {
			if (type.getName().startsWith(SUPPORT)) {
				continue;
			}
			declared.addAll(found(type.getName(), type, CONTEXT_ANNOTATIONS));
			for (var field : type.getDeclaredFields()) {
				declared.addAll(found(type.getName() + "." + field.getName(), field, MEMBER_ANNOTATIONS));
			}
			for (var method : type.getDeclaredMethods()) {
				declared.addAll(found(type.getName() + "." + method.getName() + "()", method, MEMBER_ANNOTATIONS));
			}
		}

		assertThat(declared)
			.as("test classes that declare a context of their own: extend a base class of " + SUPPORT
					+ " and change settings at run time through its fixtures instead")
			.isEmpty();
	}

	@Test
	void theSuiteStartsAtMostFourContexts() throws Exception {
		Map<MergedContextConfiguration, TreeSet<String>> contexts = new LinkedHashMap<>();
		for (Class<?> type : testClasses()) {
			if (isSpringTest(type)) {
				contexts
					.computeIfAbsent(
							BootstrapUtils.resolveTestContextBootstrapper(type).buildMergedContextConfiguration(),
							key -> new TreeSet<>())
					.add(type.getSimpleName());
			}
		}

		assertThat(List.copyOf(contexts.values())).as("the test classes of each context")
			.hasSizeLessThanOrEqualTo(MOST_CONTEXTS);
	}

	private static boolean isSpringTest(Class<?> type) {
		return !Modifier.isAbstract(type.getModifiers()) && type.getEnclosingClass() == null
				&& MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY)
					.isPresent("org.springframework.boot.test.context.SpringBootTest");
	}

	private static List<String> found(String where, AnnotatedElement element, List<String> annotations) {
		MergedAnnotations present = MergedAnnotations.from(element, SearchStrategy.DIRECT);
		return annotations.stream()
			.filter(present::isPresent)
			.map(annotation -> where + " @" + annotation.substring(annotation.lastIndexOf('.') + 1))
			.toList();
	}

	/** Every class compiled from src/test/java, nested ones included. */
	private static List<Class<?>> testClasses() throws IOException, URISyntaxException, ClassNotFoundException {
		Path root = Path.of(TestContextsTests.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		List<Class<?>> classes = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
				String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
				classes.add(Class.forName(name.substring(0, name.length() - ".class".length()), false,
						TestContextsTests.class.getClassLoader()));
			}
		}
		return classes;
	}

}
