"""What every feature shares and that knows nothing of the models: mail, addresses, names, refusals, calendars."""
