"""QAbstractItemModel adapters over Project queries."""
