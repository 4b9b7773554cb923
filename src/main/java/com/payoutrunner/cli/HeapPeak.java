package com.payoutrunner.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The heap a run needed: the most the heap held right after a collection (what was still
 * reachable, plus garbage the collector chose to keep), and the most it held at all. The
 * latter alone says mostly how lazy the collector was: it grows towards the maximum heap
 * whatever the program keeps.
 */
final class HeapPeak implements AutoCloseable {

	private final AtomicLong afterGc = new AtomicLong();

	private final AtomicLong beforeGc = new AtomicLong();

	private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans()
		.stream()
		.filter(pool -> pool.getType() == MemoryType.HEAP)
		.map(MemoryPoolMXBean::getName)
		.collect(Collectors.toSet());

	private final List<NotificationEmitter> emitters = ManagementFactory.getGarbageCollectorMXBeans()
		.stream()
		.filter(NotificationEmitter.class::isInstance)
		.map(NotificationEmitter.class::cast)
		.toList();

	private final NotificationListener listener = this::collected;

	/** Starts watching collections. */
	static HeapPeak watch() {
		HeapPeak peak = new HeapPeak();
		peak.emitters.forEach(emitter -> emitter.addNotificationListener(peak.listener, null, null));
		return peak;
	}

	private void collected(Notification notification, Object handback) {
		if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			return;
		}
		var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
		afterGc.accumulateAndGet(heapUsed(info.getMemoryUsageAfterGc()), Math::max);
		beforeGc.accumulateAndGet(heapUsed(info.getMemoryUsageBeforeGc()), Math::max);
	}

	private long heapUsed(Map<String, MemoryUsage> pools) {
		return pools.entrySet()
			.stream()
			.filter(pool -> heapPools.contains(pool.getKey()))
			.mapToLong(pool -> pool.getValue().getUsed())
			.sum();
	}

	/** The most the heap held right after a collection; 0 if none ran. */
	long afterGcBytes() {
		return afterGc.get();
	}

	/**
	 * The most the heap held, garbage included: just before a collection, or now. (The
	 * pools' own peaks are not added up: each peaks at another time.)
	 */
	long usedBytes() {
		return Math.max(beforeGc.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
	}

	static long maxBytes() {
		return Runtime.getRuntime().maxMemory();
	}

	@Override
	public void close() {
		for (NotificationEmitter emitter : emitters) {
			try {
				emitter.removeNotificationListener(listener);
			}
			catch (javax.management.ListenerNotFoundException alreadyGone) {
				// nothing to remove
			}
		}
	}

}
