-- pandoc filter for `dxcomply remind --format docx` (src/remind/letter_documents.cpp):
-- the letter's HTML <title> is for browser tabs; a công văn has no title line
-- above its header, so the Word document gets none.
function Meta(meta)
  meta.title = nil
  meta.pagetitle = nil
  return meta
end
