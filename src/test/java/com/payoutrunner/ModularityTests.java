package com.payoutrunner;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The top-level packages are modules with one-way dependencies: no cycles, and no module
 * reaches into another's internals (its sub-packages, unless exposed as a named
 * interface). Also writes the module diagrams (target/spring-modulith-docs) that
 * docs/architecture.md shows.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(PayoutRunnerApplication.class);

	@Test
	void modulesDependOnEachOtherOneWayOnlyThroughTheirApi() {
		MODULES.verify();
	}

	/**
	 * The console is the top of the graph, like the API: pages change, the rest stays.
	 */
	@Test
	void nothingDependsOnTheConsole() {
		assertThat(MODULES.stream()
			.filter(module -> !module.getName().equals("console"))
			.filter(module -> module.getDependencies(MODULES).containsModuleNamed("console"))
			.map(module -> module.getName())
			.toList()).isEmpty();
	}

	@Test
	void writesTheModuleDiagrams() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
