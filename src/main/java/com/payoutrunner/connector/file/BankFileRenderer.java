package com.payoutrunner.connector.file;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.payoutrunner.config.PayoutRunnerProperties;
import com.payoutrunner.payout.PayoutReference;
import com.payoutrunner.calendar.RailCutOffs;

/**
 * Renders a batch's file from the batch and its lines only (the batch's creation time
 * stands in for "now"), so that rendering it again after a crash gives the same bytes.
 */
class BankFileRenderer {

	private static final int MAX_MESSAGE_ID = 35;

	private final PayoutRunnerProperties.BankFiles settings;

	private final RailCutOffs cutOffs;

	public BankFileRenderer(PayoutRunnerProperties.BankFiles settings, RailCutOffs cutOffs) {
		this.settings = settings;
		this.cutOffs = cutOffs;
	}

	/**
	 * The first day the rail can execute a batch created at that time: its cut-off and
	 * business calendar ({@code config/calendars/rail-cutoffs.csv}), else the next
	 * weekday. For ACH this is the NACHA effective entry date: the file's day before the
	 * Fed's last Same Day ACH window (16:45 New York) on a Fed business day, else the
	 * next Fed business day.
	 */
	LocalDate valueDate(BankFileFormat format, OffsetDateTime createdAt) {
		return cutOffs.forRail(format.rail())
			.map(cutOff -> cutOff.valueDate(createdAt.toInstant()))
			.orElseGet(() -> nextWeekday(createdAt.toLocalDate()));
	}

	public String render(BankFileRepository.FileBatch batch, List<BankFileLine> lines) {
		OffsetDateTime createdAt = batch.createdAt().truncatedTo(ChronoUnit.SECONDS);
		return switch (batch.format()) {
			case SEPA_PAIN_001 -> sepa(batch, createdAt, lines);
			case ACH_NACHA -> nacha(valueDate(batch.format(), createdAt), createdAt, lines);
		};
	}

	private String sepa(BankFileRepository.FileBatch batch, OffsetDateTime createdAt, List<BankFileLine> lines) {
		var sepa = settings.sepa();
		String messageId = batch.reference().length() <= MAX_MESSAGE_ID ? batch.reference() : "BATCH-" + batch.id();
		LocalDate valueDate = valueDate(batch.format(), createdAt);
		List<SepaCreditTransferFile.Transfer> transfers = lines.stream()
			.map(file -> new SepaCreditTransferFile.Transfer(file.payoutReference(),
					file.line().railAmount().toDecimal(), file.line().beneficiaryName(), file.line().bank().iban(),
					file.line().bank().bic(), file.executionDate(valueDate), file.line().reference()))
			.toList();
		return SepaCreditTransferFile.write(
				new SepaCreditTransferFile.Debtor(sepa.debtorName(), sepa.debtorIban(), sepa.debtorBic()), messageId,
				createdAt, transfers);
	}

	private String nacha(LocalDate effectiveDate, OffsetDateTime createdAt, List<BankFileLine> lines) {
		var ach = settings.ach();
		List<NachaFile.Credit> credits = lines.stream()
			.map(file -> new NachaFile.Credit(file.line().bank().routingNumber(), file.line().bank().accountNumber(),
					file.line().railAmount().minorUnits(), PayoutReference.shortForm(file.line().payoutId()),
					file.line().beneficiaryName()))
			.toList();
		return NachaFile.write(
				new NachaFile.Originator(ach.destinationRouting(), ach.destinationName(), ach.originRouting(),
						ach.originName(), ach.companyName(), ach.companyId()),
				1, "PAYOUT", effectiveDate, createdAt.toLocalDateTime(), credits);
	}

	/** Without a cut-off for the rail: one weekday after the file at the earliest. */
	static LocalDate nextWeekday(LocalDate day) {
		LocalDate next = day.plusDays(1);
		while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
			next = next.plusDays(1);
		}
		return next;
	}

}
