package com.payoutrunner.partitioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.payoutrunner.partitioning.IdRanges.Range;

class IdRangesTests {

	@Test
	void noIdsGiveEmptyPartitionsWithStableNames() {
		assertThat(IdRanges.split(List.of(), 0, 3)).extracting(Range::name, Range::isEmpty)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("partition0", true),
					org.assertj.core.groups.Tuple.tuple("partition1", true),
					org.assertj.core.groups.Tuple.tuple("partition2", true));
	}

	@Test
	void fewerIdsThanPartitionsLeaveTheLastOnesEmpty() {
		assertThat(IdRanges.split(List.of(7L, 9L), 9, 4)).containsExactly(new Range("partition0", 7, 8),
				new Range("partition1", 9, 9), new Range("partition2", 1, 0), new Range("partition3", 1, 0));
	}

	@Test
	void rangesAreContiguousFromBucketToBucket() {
		assertThat(IdRanges.split(List.of(1L, 1001L, 5000L), 9000, 3)).containsExactly(new Range("partition0", 1, 1000),
				new Range("partition1", 1001, 4999), new Range("partition2", 5000, 9000));
	}

	@Test
	void oneRangeForAGridOfOne() {
		assertThat(IdRanges.split(List.of(42L), 4242, 1)).containsExactly(new Range("partition0", 42, 4242));
	}

	@Test
	void aGridBelowOneIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> IdRanges.split(List.of(), 0, 0));
	}

}
