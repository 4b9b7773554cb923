package com.payoutrunner.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

class SepaCreditTransferFileTests {

	/**
	 * The European Payments Council's schema for SEPA credit transfer initiations
	 * (EPC132-08 2023 V1.0, customer to PSP): the ISO 20022 pain.001.001.09 schema
	 * restricted to what SEPA banks accept.
	 */
	static final Path EPC_SCHEMA = Path.of("src/test/resources/iso20022/EPC132-08_2023_V1.0_pain.001.001.09.xsd");

	static final SepaCreditTransferFile.Debtor DEBTOR = new SepaCreditTransferFile.Debtor("Payout Runner Fund SA",
			"DE89370400440532013000", "COBADEFFXXX");

	static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

	static final List<SepaCreditTransferFile.Transfer> TRANSFERS = List.of(
			new SepaCreditTransferFile.Transfer("PO-20261121-0000000B", new BigDecimal("9067.43"), "Élodie Müller",
					"FR14 2004 1010 0505 0001 3M02 606", "PSSTFRPPXXX", MONDAY, "LIQ-2024-001 INV-0011"),
			new SepaCreditTransferFile.Transfer("PO-20261121-0000000C", new BigDecimal("6497.34"), "Mikko Carter",
					"FI2112345600000785", null, MONDAY, "LIQ-2024-001 INV-0012"),
			new SepaCreditTransferFile.Transfer("PO-20261121-0000000D", new BigDecimal("100.00"), "Ana Souza",
					"PT50000201231234567890154", null, MONDAY.plusDays(1), null));

	static String file() {
		return SepaCreditTransferFile.write(DEBTOR, "B-7-SEPA-EUR",
				OffsetDateTime.of(2026, 11, 21, 9, 30, 0, 0, ZoneOffset.UTC), TRANSFERS);
	}

	@Test
	void isValidAgainstTheEpcSchema() throws Exception {
		Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
			.newSchema(EPC_SCHEMA.toFile())
			.newValidator();

		validator.validate(new StreamSource(new StringReader(file())));
	}

	@Test
	void theSchemaCatchesABrokenFile() throws Exception {
		Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
			.newSchema(EPC_SCHEMA.toFile())
			.newValidator();
		String withoutControlSum = file().replaceFirst("<CtrlSum>[^<]*</CtrlSum>", "<CtrlSum>x</CtrlSum>");

		assertThatThrownBy(() -> validator.validate(new StreamSource(new StringReader(withoutControlSum))))
			.isInstanceOf(SAXException.class);
	}

	@Test
	void matchesTheGoldenFile() throws Exception {
		assertThat(file()).isEqualTo(Files.readString(Path.of("src/test/resources/golden/sepa-pain001-batch.xml")));
	}

	@Test
	void groupHeaderCountsEveryTransferAndSumsThem() {
		String xml = file();

		assertThat(xml).contains("<MsgId>B-7-SEPA-EUR</MsgId>")
			.contains("<NbOfTxs>3</NbOfTxs>")
			.contains("<CtrlSum>15664.77</CtrlSum>");
	}

	@Test
	void onePaymentInformationBlockPerExecutionDate() {
		String xml = file();

		assertThat(xml.split("<PmtInf>", -1)).hasSize(3);
		assertThat(xml).contains("<PmtInfId>B-7-SEPA-EUR-1</PmtInfId>")
			.contains("<Dt>2026-11-23</Dt>")
			.contains("<PmtInfId>B-7-SEPA-EUR-2</PmtInfId>")
			.contains("<Dt>2026-11-24</Dt>");
	}

	@Test
	void endToEndIdIsThePayoutReference() {
		assertThat(file()).contains("<EndToEndId>PO-20261121-0000000B</EndToEndId>")
			.contains("<EndToEndId>PO-20261121-0000000D</EndToEndId>");
	}

	@Test
	void namesAreCutToSepaLatinCharacters() {
		assertThat(file()).contains("<Nm>Elodie Muller</Nm>");
		assertThat(SepaCreditTransferFile.text("Zoë & Sons <Ltd>", 70)).isEqualTo("Zoe   Sons  Ltd");
	}

	@Test
	void refusesAnAmountWithMoreThanTwoDecimals() {
		var bad = new SepaCreditTransferFile.Transfer("PO-X", new BigDecimal("1.005"), "A", "FI2112345600000785", null,
				MONDAY, null);

		assertThatThrownBy(
				() -> SepaCreditTransferFile.write(DEBTOR, "M", OffsetDateTime.now(ZoneOffset.UTC), List.of(bad)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("PO-X");
	}

	@Test
	void theSameBatchGivesTheSameBytes() {
		assertThat(file()).isEqualTo(file());
	}

}
