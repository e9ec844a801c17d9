variable "agent_id" {
  type = string
}
