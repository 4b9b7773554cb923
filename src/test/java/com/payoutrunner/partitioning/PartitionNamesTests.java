package com.payoutrunner.partitioning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionNamesTests {

	@Test
	void aPartitionGoesByItsStepsName() {
		assertThat(PartitionNames.isPartition("buildBatchLinesStep:partition3")).isTrue();
		assertThat(PartitionNames.stepOf("buildBatchLinesStep:partition3")).isEqualTo("buildBatchLinesStep");
		assertThat(PartitionNames.partitionOf("buildBatchLinesStep:partition3")).isEqualTo("partition3");
	}

	@Test
	void aStepThatIsNoPartitionKeepsItsName() {
		assertThat(PartitionNames.isPartition("writeSkipReportStep")).isFalse();
		assertThat(PartitionNames.stepOf("writeSkipReportStep")).isEqualTo("writeSkipReportStep");
		assertThat(PartitionNames.partitionOf("writeSkipReportStep")).isEmpty();
	}

}
