package com.payoutrunner.api;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

import com.payoutrunner.core.Money;
import com.payoutrunner.core.MoneyConversion;
import com.payoutrunner.ledger.Ledger;
import com.payoutrunner.requests.JsonAmount;
import com.payoutrunner.requests.PayoutRequestParser;

/**
 * Origin entities' balances: credited through {@code POST /api/balances/{entity}/credits}
 * (the one way money comes in, only in a currency that can be paid out), read with what
 * holds reserve and what is available.
 */
@RestController
@RequestMapping("/api/balances")
class BalancesController {

	private final Ledger ledger;

	private final MoneyConversion conversion;

	BalancesController(Ledger ledger, MoneyConversion conversion) {
		this.ledger = ledger;
		this.conversion = conversion;
	}

	@PostMapping("/{entity}/credits")
	Map<String, Object> credit(@PathVariable UUID entity, @RequestBody JsonNode body) {
		if (body == null || !body.isObject()) {
			throw Problems.invalidField("", "the body must be a JSON object");
		}
		JsonNode codeNode = body.path("currency");
		String code = codeNode.isString() ? codeNode.asString() : "";
		if (code.length() > 3) {
			throw Problems.invalidField("currency", "must be an ISO 4217 code such as EUR");
		}
		Currency currency;
		try {
			currency = Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			throw Problems.invalidField("currency", "'" + code + "' is not an ISO 4217 code");
		}
		if (!conversion.canConvert(currency)) {
			// Money credited in a currency no rail pays could only ever be held, never
			// paid out.
			throw Problems.invalidField("currency", PayoutRequestParser.cannotBePaid(currency));
		}
		Money amount;
		try {
			amount = JsonAmount.parse(body.get("amount"), currency);
		}
		catch (IllegalArgumentException ex) {
			throw Problems.invalidField("amount", ex.getMessage());
		}
		return view(ledger.credit(entity, amount));
	}

	@GetMapping("/{entity}/{currency}")
	Map<String, Object> balance(@PathVariable UUID entity, @PathVariable String currency) {
		return view(ledger.balance(entity, currency));
	}

	private static Map<String, Object> view(Ledger.Balance balance) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("origin_entity_id", balance.entity().toString());
		view.put("currency", balance.currency());
		view.put("balance", Money.ofMinor(balance.balanceMinor(), balance.currency()).toDecimal().toPlainString());
		view.put("reserved", Money.ofMinor(balance.reservedMinor(), balance.currency()).toDecimal().toPlainString());
		view.put("available", Money.ofMinor(balance.availableMinor(), balance.currency()).toDecimal().toPlainString());
		return view;
	}

}
