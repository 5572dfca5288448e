"""Spreadsheets and the upload step shared by the admin import tests."""

from django.core.files.uploadedfile import SimpleUploadedFile

GOOD = "inventory_number,collection,title_lt,title_en\nN-001,vitrazai,Langas,Window\nT-001,vitrazai,Pakeistas,Changed\n"
BAD = GOOD + "N-002,nera,Kitas,Other\n"


def upload(client, text: str, name: str = "items.csv"):
    return client.post("/admin/import-items/", {"file": SimpleUploadedFile(name, text.encode(), "text/csv")})
