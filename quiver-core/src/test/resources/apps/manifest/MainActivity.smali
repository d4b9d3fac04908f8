.class public Lcom/m/MainActivity;
.super Lcom/m/BaseActivity;

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Lcom/m/BaseActivity;-><init>()V
    return-void
.end method

.method protected onResume()V
    .registers 2
    new-instance v0, Lcom/m/MainActivity$1;
    invoke-direct {v0, p0}, Lcom/m/MainActivity$1;-><init>(Lcom/m/MainActivity;)V
    return-void
.end method
