"""The Met's LFR deployment grids: ruled tables read from the PDFs (``pdf_tables``), columns recognised by
header meaning (``headers``), rows parsed, reconciled and joined (``parse.build_tables``), and the
deployment tables' schemas (``schemas``)."""
