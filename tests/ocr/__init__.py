"""Tests of OCR input (ALTO, hOCR, PAGE XML) and the pages they read."""
