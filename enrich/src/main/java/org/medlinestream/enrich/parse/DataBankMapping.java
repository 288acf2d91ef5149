package org.medlinestream.enrich.parse;

import java.util.ArrayList;
import java.util.List;
import org.medlinestream.avro.Citation;
import org.medlinestream.avro.DataBank;

/**
 * SI {@code Name/Accession}, split on the first {@code /} (Dryad accessions contain {@code /});
 * accessions of one name are grouped in one databank, in order of first appearance.
 */
final class DataBankMapping implements TagMapping {

  @Override
  public void read(CitationDraft draft, MedlineTag tag, String value) {
    int slash = value.indexOf('/');
    String name = slash < 0 ? value : value.substring(0, slash).trim();
    List<DataBank> banks = draft.citation().getDataBanks();
    DataBank bank = null;
    for (DataBank candidate : banks) {
      if (candidate.getName().equals(name)) {
        bank = candidate;
        break;
      }
    }
    if (bank == null) {
      bank = new DataBank(name, new ArrayList<>(2));
      banks.add(bank);
    }
    if (slash >= 0) {
      bank.getAccessionNumbers().add(value.substring(slash + 1).trim());
    }
  }

  @Override
  public void write(Citation citation, MedlineTag tag, MedlineLines out) {
    for (DataBank bank : citation.getDataBanks()) {
      if (bank.getAccessionNumbers().isEmpty()) {
        out.field(tag, bank.getName());
      }
      for (String accession : bank.getAccessionNumbers()) {
        out.field(tag, bank.getName() + "/" + accession);
      }
    }
  }
}
