package com.payoutrunner.connector.file;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.MxWriteConfiguration;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation26;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;

/**
 * An ISO 20022 {@code pain.001.001.09} SEPA credit transfer initiation for one payout
 * batch, built with Prowide's classes generated from the ISO schema: group header
 * (message id, number of transactions, control sum), one payment information block per
 * requested execution date, one transaction per payout with the payout's reference as
 * end-to-end id. Follows the EPC customer-to-bank guidelines (service level SEPA, charges
 * SLEV, EUR, IBAN only). Pure and deterministic: the same batch and creation time give
 * the same bytes.
 */
final class SepaCreditTransferFile {

	/** Who pays: the ordering company and its account. */
	public record Debtor(String name, String iban, String bic) {
	}

	/** One credit transfer; {@code bic} may be null (IBAN-only, as SEPA allows). */
	public record Transfer(String endToEndId, BigDecimal amountEur, String creditorName, String iban, String bic,
			LocalDate executionDate, String remittance) {
	}

	private static final int MAX_NAME = 70;

	private SepaCreditTransferFile() {
	}

	/**
	 * @throws IllegalArgumentException naming the transfer when an amount is not a
	 * positive euro amount with at most two decimals
	 */
	public static String write(Debtor debtor, String messageId, OffsetDateTime createdAt, List<Transfer> transfers) {
		if (transfers.isEmpty()) {
			throw new IllegalArgumentException("a pain.001 file needs at least one transfer");
		}
		for (Transfer transfer : transfers) {
			if (transfer.amountEur().signum() <= 0 || transfer.amountEur().scale() > 2) {
				throw new IllegalArgumentException(transfer.endToEndId()
						+ ": amount must be positive with at most two decimals, got " + transfer.amountEur());
			}
		}
		CustomerCreditTransferInitiationV09 initiation = new CustomerCreditTransferInitiationV09()
			.setGrpHdr(new GroupHeader85().setMsgId(messageId)
				.setCreDtTm(createdAt)
				.setNbOfTxs(String.valueOf(transfers.size()))
				.setCtrlSum(controlSum(transfers))
				.setInitgPty(new PartyIdentification135().setNm(text(debtor.name(), MAX_NAME))));
		Map<LocalDate, List<Transfer>> byDate = transfers.stream()
			.collect(Collectors.groupingBy(Transfer::executionDate, TreeMap::new, Collectors.toList()));
		int block = 0;
		for (Map.Entry<LocalDate, List<Transfer>> date : byDate.entrySet()) {
			block++;
			initiation.addPmtInf(paymentInformation(debtor, messageId + "-" + block, date.getKey(), date.getValue()));
		}
		MxWriteConfiguration config = new MxWriteConfiguration();
		config.documentPrefix = null;
		config.indent = "  ";
		return new MxPain00100109().setCstmrCdtTrfInitn(initiation).message(config);
	}

	private static PaymentInstruction30 paymentInformation(Debtor debtor, String id, LocalDate executionDate,
			List<Transfer> transfers) {
		PaymentInstruction30 info = new PaymentInstruction30().setPmtInfId(id)
			.setPmtMtd(PaymentMethod3Code.TRF)
			.setBtchBookg(Boolean.TRUE)
			.setNbOfTxs(String.valueOf(transfers.size()))
			.setCtrlSum(controlSum(transfers))
			.setPmtTpInf(new PaymentTypeInformation26().addSvcLvl(new ServiceLevel8Choice().setCd("SEPA")))
			.setReqdExctnDt(new DateAndDateTime2Choice().setDt(executionDate))
			.setDbtr(new PartyIdentification135().setNm(text(debtor.name(), MAX_NAME)))
			.setDbtrAcct(account(debtor.iban()))
			.setDbtrAgt(agent(debtor.bic()))
			.setChrgBr(ChargeBearerType1Code.SLEV);
		transfers.forEach(transfer -> info.addCdtTrfTxInf(transaction(transfer)));
		return info;
	}

	private static CreditTransferTransaction34 transaction(Transfer transfer) {
		CreditTransferTransaction34 tx = new CreditTransferTransaction34()
			.setPmtId(new PaymentIdentification6().setEndToEndId(transfer.endToEndId()))
			.setAmt(new AmountType4Choice()
				.setInstdAmt(new ActiveOrHistoricCurrencyAndAmount().setCcy("EUR").setValue(transfer.amountEur())))
			.setCdtr(new PartyIdentification135().setNm(text(transfer.creditorName(), MAX_NAME)))
			.setCdtrAcct(account(transfer.iban()));
		if (transfer.bic() != null && !transfer.bic().isBlank()) {
			tx.setCdtrAgt(agent(transfer.bic()));
		}
		if (transfer.remittance() != null) {
			tx.setRmtInf(new RemittanceInformation16().addUstrd(text(transfer.remittance(), 140)));
		}
		return tx;
	}

	private static CashAccount38 account(String iban) {
		return new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(iban.replace(" ", "")));
	}

	private static BranchAndFinancialInstitutionIdentification6 agent(String bic) {
		return new BranchAndFinancialInstitutionIdentification6()
			.setFinInstnId(new FinancialInstitutionIdentification18().setBICFI(bic));
	}

	private static BigDecimal controlSum(List<Transfer> transfers) {
		return transfers.stream().map(Transfer::amountEur).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
	}

	/**
	 * SEPA's Latin character set: letters, digits and {@code / - ? : ( ) . , ' +} and
	 * space; anything else (accents included) becomes a space, then cut to the field's
	 * length.
	 */
	static String text(String value, int max) {
		String latin = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replaceAll("[^A-Za-z0-9/\\-?:().,'+ ]", " ")
			.strip();
		return latin.length() > max ? latin.substring(0, max) : latin;
	}

}
