package com.payoutrunner.console;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.payoutrunner.ledger.Ledger;

/**
 * Balances and holds per origin entity and currency, from the {@link Ledger} (as
 * {@code GET /api/balances/{entity}/{currency}} reads one): balance, held, available, and
 * the payouts whose holds reserve it.
 */
@Controller
class BalancesPageController {

	/** Holds listed per balance; the page says how many more there are. */
	static final int HOLDS_SHOWN = 20;

	private final Ledger ledger;

	BalancesPageController(Ledger ledger) {
		this.ledger = ledger;
	}

	@GetMapping("/balances")
	String balances(@RequestParam(required = false) String entity, Model model) {
		String wanted = StringUtils.hasText(entity) ? entity.strip() : null;
		model.addAttribute("entity", wanted);
		UUID entityId = null;
		if (wanted != null) {
			try {
				entityId = UUID.fromString(wanted);
			}
			catch (IllegalArgumentException ex) {
				model.addAttribute("problem", "entity: '" + wanted + "' is not an origin entity id (a UUID).");
				model.addAttribute("balances", List.of());
				return "console/balances";
			}
		}
		Map<String, List<Ledger.ActiveHold>> holds = ledger.activeHolds(entityId, HOLDS_SHOWN)
			.stream()
			.collect(Collectors.groupingBy(hold -> key(hold.entity(), hold.currency())));
		model.addAttribute("balances",
				ledger.balances(entityId)
					.stream()
					.map(balance -> BalanceRow.of(balance,
							holds.getOrDefault(key(balance.entity(), balance.currency()), List.of())))
					.toList());
		return "console/balances";
	}

	private static String key(UUID entity, String currency) {
		return entity + "/" + currency;
	}

}
