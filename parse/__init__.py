"""Parse stage: report files into outline sections.

Import the modules themselves (baocao.parse.docx, .pdf, .sections, …): this package
imports nothing, so reading a message's attachments' formats does not load every reader."""
