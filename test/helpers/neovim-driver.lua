-- Drives Neovim's built-in LSP client (0.7 API) the way a user would, after the README's init.lua has
-- set up coder-dind: open a .tf file, wait for diagnostics, ask for completion, apply a quick fix, and
-- quit. Writes what it saw as JSON to $CODER_DIND_NVIM_OUT for test/cli/neovim.test.ts; every wait has a
-- bound, and a failed step is written there too instead of hanging.
local out_path = assert(os.getenv('CODER_DIND_NVIM_OUT'), 'CODER_DIND_NVIM_OUT is not set')
local file = assert(os.getenv('CODER_DIND_NVIM_FILE'), 'CODER_DIND_NVIM_FILE is not set')
local WAIT_MS = 60000
local report = {}

local function save()
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(report))
  f:close()
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function codes(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, { code = code_of(d) or vim.NIL, source = d.source or vim.NIL })
  end
  return list
end

local function has_code(buf, code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if code_of(d) == code then return d end
  end
  return nil
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  report.filetype = vim.bo[buf].filetype

  -- The README's autocmd started the server and attached it to the buffer.
  local client
  assert(vim.wait(WAIT_MS, function()
    local _, c = next(vim.lsp.buf_get_clients(buf))
    client = c
    return client ~= nil and client.initialized == true
  end, 50), 'no initialized LSP client on the buffer')
  report.client = client.name
  report.server = client.server_capabilities and client.server_capabilities.completionProvider ~= nil

  -- Diagnostics, through vim.diagnostic (the built-in client's own handler).
  assert(vim.wait(WAIT_MS, function()
    return has_code(buf, 'removed-workspace-owner-attribute') ~= nil and has_code(buf, 'undefined-reference') ~= nil
  end, 50), 'the diagnostics never held removed-workspace-owner-attribute and undefined-reference')
  report.diagnostics = codes(buf)

  -- Completion after a half-typed resource type on a new last line (sent as a didChange first).
  local last = vim.api.nvim_buf_line_count(buf)
  local typed = 'resource "coder_'
  vim.api.nvim_buf_set_lines(buf, last, last, false, { typed })
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = last, character = #typed } }
  local answers = vim.lsp.buf_request_sync(buf, 'textDocument/completion', params, WAIT_MS)
  report.completion = {}
  for _, answer in pairs(answers or {}) do
    local items = answer.result and (answer.result.items or answer.result) or {}
    for _, item in ipairs(items) do table.insert(report.completion, item.label) end
  end
  vim.api.nvim_buf_set_lines(buf, last, last + 1, false, {})

  -- The preferred quick fix of removed-workspace-owner-attribute, applied as the client applies edits.
  local finding = has_code(buf, 'removed-workspace-owner-attribute')
  local lsp_diagnostic = {
    range = { start = { line = finding.lnum, character = finding.col }, ['end'] = { line = finding.end_lnum, character = finding.end_col } },
    severity = finding.severity,
    code = code_of(finding),
    source = finding.source,
    message = finding.message,
    data = finding.user_data and finding.user_data.lsp and finding.user_data.lsp.data,
  }
  local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = lsp_diagnostic.range,
    context = { diagnostics = { lsp_diagnostic } },
  }, WAIT_MS)
  local fix
  report.actions = {}
  for _, answer in pairs(actions or {}) do
    for _, action in ipairs(answer.result or {}) do
      table.insert(report.actions, action.title)
      if action.isPreferred and action.edit and not fix then fix = action end
    end
  end
  assert(fix, 'no preferred quick fix for removed-workspace-owner-attribute')
  report.applied = fix.title
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  report.text_after = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  -- The server sees the edit and withdraws the finding.
  assert(vim.wait(WAIT_MS, function()
    return has_code(buf, 'removed-workspace-owner-attribute') == nil and has_code(buf, 'undefined-reference') ~= nil
  end, 50), 'the fixed finding was not withdrawn')
  report.diagnostics_after = codes(buf)

  vim.lsp.stop_client(client.id)
  report.stopped = vim.wait(WAIT_MS, function() return client.is_stopped() end, 50)
end

local ok, err = xpcall(run, debug.traceback)
if not ok then report.error = tostring(err) end
save()
vim.cmd('qall!')
