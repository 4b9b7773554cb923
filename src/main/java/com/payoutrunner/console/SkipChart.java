package com.payoutrunner.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A horizontal bar chart of counts per category, laid out here so the page draws it as
 * plain SVG (no script, nothing to download): one bar per category, the longest as wide
 * as the plot, each labelled with its category and count.
 */
public record SkipChart(String title, String description, int width, int height, List<Bar> bars) {

	static final int LABEL_WIDTH = 220;

	static final int PLOT_WIDTH = 360;

	static final int BAR_HEIGHT = 22;

	static final int GAP = 8;

	/** One bar: its category, count and where it is drawn. */
	public record Bar(String category, long count, int y, int barWidth, int textY, int countX) {
	}

	static SkipChart of(String title, Map<String, Long> counts) {
		long largest = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
		List<Bar> bars = new ArrayList<>();
		int y = GAP;
		for (var entry : counts.entrySet()) {
			long count = entry.getValue();
			// Every non-zero count stays visible, however small beside the largest.
			int barWidth = largest == 0 ? 0 : (int) Math.max(count > 0 ? 2 : 0, count * PLOT_WIDTH / largest);
			bars.add(new Bar(entry.getKey(), count, y, barWidth, y + BAR_HEIGHT / 2 + 5, LABEL_WIDTH + barWidth + 6));
			y += BAR_HEIGHT + GAP;
		}
		return new SkipChart(title, description(counts), LABEL_WIDTH + PLOT_WIDTH + 80, y, bars);
	}

	private static String description(Map<String, Long> counts) {
		if (counts.isEmpty()) {
			return "Nothing in this breakdown.";
		}
		StringBuilder text = new StringBuilder();
		counts.forEach((category,
				count) -> text.append(text.isEmpty() ? "" : "; ").append(category).append(": ").append(count));
		return text.append('.').toString();
	}

	/** Where the category labels end (right-aligned), left of the bars. */
	public int labelX() {
		return LABEL_WIDTH - 8;
	}

	public int plotX() {
		return LABEL_WIDTH;
	}

	public int barHeight() {
		return BAR_HEIGHT;
	}

	public boolean isEmpty() {
		return bars.isEmpty();
	}

}
