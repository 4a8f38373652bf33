"""Members' own accounts: signing up and in (django-allauth), their profile, their data."""
