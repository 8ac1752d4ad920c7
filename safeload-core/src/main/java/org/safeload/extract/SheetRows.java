package org.safeload.extract;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's sheets read as a stream of rows of raw cell values (Apache POI's event API): shared
 * strings, numbers as written (dates are numbers), formulas by their cached value, errors such as
 * {@code #N/A} as errors. No sheet is ever held whole.
 */
final class SheetRows {

  /**
   * A cell's value: its text (a number's digits as stored), and whether it is a number or error.
   */
  record Cell(String text, boolean number, boolean error) {
    static final Cell BLANK = new Cell("", false, false);

    boolean blank() {
      return !error && text.isBlank();
    }
  }

  /** Receives a sheet's rows: the row number (1 is the first) and its cells by column (0 is A). */
  interface RowHandler {
    void row(int number, List<Cell> cells);
  }

  /** Receives each sheet by name: returns the handler for its rows, or null to skip it. */
  interface SheetHandler {
    /** Before any sheet: whether the workbook's dates count from 1904 (else from 1900). */
    void dates1904(boolean date1904);

    RowHandler sheet(String name);
  }

  /** A sheet that cannot be read: its name, the row (0 when not known) and why. */
  static final class BadSheet extends SAXException {
    final String sheet;
    final int row;

    BadSheet(String sheet, int row, String message) {
      super(message);
      this.sheet = sheet;
      this.row = row;
    }
  }

  /** The last column (XFD) and row a workbook can have. */
  private static final int MAX_COLUMN = 16_383;

  private static final int MAX_ROW = 1_048_576;

  private SheetRows() {}

  /**
   * Reads every sheet the handler asks for, in the workbook's order, having told it first whether
   * the workbook's dates count from 1904 (a Mac-era setting) or from 1900.
   *
   * @throws BadSheet when a sheet cannot be read (a cell beyond the last column or row, a shared
   *     string that is not there)
   */
  static void read(OPCPackage pkg, SheetHandler handler)
      throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
    XSSFReader reader = new XSSFReader(pkg, true);
    SharedStrings strings = reader.getSharedStringsTable();
    try (InputStream wb = reader.getWorkbookData()) {
      handler.dates1904(date1904(wb));
    }
    XSSFReader.SheetIterator sheets = reader.getSheetIterator();
    while (sheets.hasNext()) {
      try (InputStream sheet = sheets.next()) {
        String name = sheets.getSheetName();
        RowHandler rows = handler.sheet(name);
        if (rows != null) {
          XMLReader xml = XMLHelper.newXMLReader();
          Sheet content = new Sheet(name, strings, rows);
          xml.setContentHandler(content);
          try {
            xml.parse(new InputSource(sheet));
          } catch (RuntimeException e) {
            throw new BadSheet(name, content.rowNumber, "cannot be read at this row");
          }
        }
      }
    }
  }

  private static final Pattern DATE_1904 =
      Pattern.compile("<(?:\\w+:)?workbookPr\\b[^>]*\\bdate1904=\"(1|true)\"");

  private static boolean date1904(InputStream workbook) throws IOException {
    // The workbook part is small (the list of sheets): read the start of it.
    String head = new String(workbook.readNBytes(1 << 16), StandardCharsets.UTF_8);
    return DATE_1904.matcher(head).find();
  }

  /** The SAX handler of one sheet's XML. */
  private static final class Sheet extends DefaultHandler {
    private final String name;
    private final SharedStrings strings;
    private final RowHandler rows;
    private final List<Cell> cells = new ArrayList<>();
    private final StringBuilder value = new StringBuilder();
    private int rowNumber;
    private int nextRow = 1;
    private int column;
    private int nextColumn;
    private String type;
    private boolean inValue;

    Sheet(String name, SharedStrings strings, RowHandler rows) {
      this.name = name;
      this.strings = strings;
      this.rows = rows;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes a)
        throws SAXException {
      switch (localName) {
        case "row" -> {
          String r = a.getValue("r");
          try {
            rowNumber = r == null ? nextRow : Integer.parseInt(r.strip());
          } catch (NumberFormatException e) {
            throw new BadSheet(name, nextRow, "has a row numbered " + r);
          }
          if (rowNumber < 1 || rowNumber > MAX_ROW) {
            throw new BadSheet(name, nextRow, "has a row numbered " + r);
          }
          cells.clear();
          nextColumn = 0;
        }
        case "c" -> {
          String ref = a.getValue("r");
          column = ref == null ? nextColumn : column(ref);
          if (column < 0 || column > MAX_COLUMN) {
            throw new BadSheet(name, rowNumber, "has a cell beyond the last column (" + ref + ")");
          }
          type = a.getValue("t");
          value.setLength(0);
        }
        case "v", "t" -> {
          inValue = true;
          if ("v".equals(localName)) {
            value.setLength(0);
          }
        }
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inValue) {
        value.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      switch (localName) {
        case "v", "t" -> inValue = false;
        case "c" -> {
          while (cells.size() < column) {
            cells.add(Cell.BLANK);
          }
          cells.add(cell());
          nextColumn = column + 1;
        }
        case "row" -> {
          rows.row(rowNumber, List.copyOf(cells));
          nextRow = rowNumber + 1;
        }
        default -> {}
      }
    }

    private Cell cell() throws SAXException {
      String v = value.toString();
      if (type == null || type.equals("n")) {
        return v.isEmpty() ? Cell.BLANK : new Cell(v, true, false);
      }
      return switch (type) {
        case "s" -> {
          if (v.isEmpty()) {
            yield Cell.BLANK;
          }
          int index;
          try {
            index = Integer.parseInt(v.strip());
          } catch (NumberFormatException e) {
            index = -1;
          }
          try {
            yield new Cell(strings.getItemAt(index).getString(), false, false);
          } catch (IndexOutOfBoundsException | NullPointerException e) {
            throw new BadSheet(
                name, rowNumber, "has a cell whose text is missing from the workbook");
          }
        }
        case "e" -> new Cell(v, false, true);
        case "b" -> new Cell("1".equals(v.strip()) ? "TRUE" : "FALSE", false, false);
        default -> new Cell(v, false, false); // str (a formula's text), inlineStr, d
      };
    }

    /** "AB12" → 27; -1 for a reference without a column, or one beyond the last. */
    private static int column(String ref) {
      int c = 0;
      for (int i = 0; i < ref.length(); i++) {
        char ch = ref.charAt(i);
        if (ch < 'A' || ch > 'Z') {
          break;
        }
        c = c * 26 + (ch - 'A' + 1);
        if (c > MAX_COLUMN + 1) {
          return MAX_COLUMN + 1;
        }
      }
      return c - 1;
    }
  }

  /** A number's digits as an identifier: "6537810", never "6537810.0" or "6.53781E6". */
  static String plainNumber(String text) {
    try {
      return new BigDecimal(text.strip()).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return text.strip();
    }
  }
}
