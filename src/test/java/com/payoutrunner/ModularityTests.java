package com.payoutrunner;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

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

	@Test
	void writesTheModuleDiagrams() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
